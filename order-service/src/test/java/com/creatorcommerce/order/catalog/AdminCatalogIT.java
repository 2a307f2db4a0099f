package com.creatorcommerce.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.order.support.ApiTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminCatalogIT extends ApiTestBase {

    @Test
    void createsAProductWithOptionsPricedAsBasePlusAdditionalAndRecordsInitialStock() {
        OptionSpec small = OptionSpec.of("S", 0, 10);
        OptionSpec large = OptionSpec.of("L", 2_000, 0);
        Created created = createProduct("Linen shirt", 29_000, small, large);
        JsonNode body = created.body();

        assertThat(body.path("id").isString()).as("ids travel as strings").isTrue();
        assertThat(body.path("product_name").asString()).isEqualTo("Linen shirt");
        assertThat(body.path("description").asString()).isEqualTo("about Linen shirt");
        assertThat(body.path("base_price").asLong()).isEqualTo(29_000);
        assertThat(body.path("is_active").asBoolean()).isTrue();
        assertThat(body.path("view_count").asLong()).isZero();
        assertThat(body.path("like_count").asLong()).isZero();
        assertThat(body.path("created_at").asString()).endsWith("Z");
        JsonNode options = body.path("options");
        assertThat(options).hasSize(2);
        JsonNode l = options.get(1);
        assertThat(l.path("id").isString()).isTrue();
        assertThat(l.path("option_name").asString()).isEqualTo("L");
        assertThat(l.path("sku").asString()).isEqualTo(large.sku());
        assertThat(l.path("additional_price").asLong()).isEqualTo(2_000);
        assertThat(l.path("price").asLong()).isEqualTo(31_000);
        assertThat(l.path("stock_quantity").asInt()).isZero();
        assertThat(l.path("in_stock").asBoolean()).isFalse();
        assertThat(options.get(0).path("price").asLong()).isEqualTo(29_000);

        assertThat(jdbc.queryForMap(
                        "SELECT product_name, base_price, is_active FROM products WHERE product_id = ?",
                        created.productId()))
                .containsEntry("product_name", "Linen shirt");
        assertThat(stockOf(created.option(0))).isEqualTo(10);
        // the initial stock is the first ledger entry; an option created with none has no entry
        assertThat(jdbc.queryForList(
                        "SELECT delta FROM stock_adjustments WHERE product_option_id = ?",
                        Integer.class,
                        created.option(0)))
                .containsExactly(10);
        assertThat(count("SELECT COUNT(*) FROM stock_adjustments WHERE product_option_id = ?", created.option(1)))
                .isZero();
    }

    @Test
    void updatesProductAndOptionWithoutTouchingCountersOrStock() {
        Created created = createProduct("Wool coat", 100_000, OptionSpec.of("M", 5_000, 7));
        jdbc.update("UPDATE products SET view_count = 42, like_count = 3 WHERE product_id = ?", created.productId());
        String admin = adminToken();

        HttpResponse<String> product = put("/v1/admin/products/" + created.productId(), admin, """
                {"product_name": "Wool coat (new)", "description": "warmer", "base_price": 120000, "is_active": true}""");
        assertThat(product.statusCode()).as(product.body()).isEqualTo(200);
        assertThat(json(product).path("base_price").asLong()).isEqualTo(120_000);
        assertThat(json(product).path("view_count").asLong()).isEqualTo(42);

        String newSku = newSku("COAT-M");
        HttpResponse<String> option =
                put("/v1/admin/products/" + created.productId() + "/options/" + created.option(0), admin, """
                        {"option_name": "Medium", "sku": "%s", "additional_price": 7000, "is_active": true}""".formatted(
                                newSku));
        assertThat(option.statusCode()).as(option.body()).isEqualTo(200);
        JsonNode updated = json(option).path("options").get(0);
        assertThat(updated.path("option_name").asString()).isEqualTo("Medium");
        assertThat(updated.path("sku").asString()).isEqualTo(newSku);
        assertThat(updated.path("price").asLong()).isEqualTo(127_000);

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT product_name, description, view_count, like_count " + "FROM products WHERE product_id = ?",
                created.productId());
        assertThat(row).containsEntry("product_name", "Wool coat (new)").containsEntry("description", "warmer");
        assertThat(((Number) row.get("view_count")).longValue()).isEqualTo(42);
        assertThat(((Number) row.get("like_count")).longValue()).isEqualTo(3);
        assertThat(stockOf(created.option(0))).isEqualTo(7);
    }

    @Test
    void deactivatesProductsAndOptionsWhichDisappearFromPublicBrowsing() {
        Created created =
                createProduct("Canvas bag", 15_000, OptionSpec.of("Ivory", 0, 5), OptionSpec.of("Black", 0, 5));
        String admin = adminToken();

        assertThat(delete("/v1/admin/products/" + created.productId() + "/options/" + created.option(1), admin)
                        .statusCode())
                .isEqualTo(204);
        JsonNode publicView = json(get("/v1/products/" + created.productId(), null));
        assertThat(publicView.path("options")).hasSize(1);
        assertThat(publicView.path("options").get(0).path("option_name").asString())
                .isEqualTo("Ivory");

        assertThat(delete("/v1/admin/products/" + created.productId(), admin).statusCode())
                .isEqualTo(204);
        assertThat(delete("/v1/admin/products/" + created.productId(), admin).statusCode())
                .as("idempotent")
                .isEqualTo(204);
        assertProblem(get("/v1/products/" + created.productId(), null), 404, "PRODUCT_NOT_FOUND");

        JsonNode adminView = json(get("/v1/admin/products/" + created.productId(), admin));
        assertThat(adminView.path("is_active").asBoolean()).isFalse();
        assertThat(adminView.path("options")).hasSize(2);
        assertThat(adminView.path("options").get(1).path("is_active").asBoolean())
                .isFalse();
        assertThat(count(
                        "SELECT COUNT(*) FROM products WHERE product_id = ? AND is_active = FALSE",
                        created.productId()))
                .as("deactivated, not deleted")
                .isEqualTo(1);

        HttpResponse<String> reactivated = put("/v1/admin/products/" + created.productId(), admin, """
                {"product_name": "Canvas bag", "base_price": 15000, "is_active": true}""");
        assertThat(reactivated.statusCode()).isEqualTo(200);
        assertThat(get("/v1/products/" + created.productId(), null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void adjustsStockBySignedDeltasAndKeepsTheLedger() {
        Created created = createProduct("Socks", 5_000, OptionSpec.of("Free", 0, 10));
        String path =
                "/v1/admin/products/" + created.productId() + "/options/" + created.option(0) + "/stock-adjustments";
        String admin = adminToken();

        HttpResponse<String> received = post(path, admin, "{\"delta\": 15, \"reason\": \"received\"}");
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        assertThat(json(received).path("stock_quantity").asInt()).isEqualTo(25);
        HttpResponse<String> damaged = post(path, admin, "{\"delta\": -4, \"reason\": \"damaged\"}");
        assertThat(json(damaged).path("stock_quantity").asInt()).isEqualTo(21);

        JsonNode tooMuch =
                assertProblem(post(path, admin, "{\"delta\": -22, \"reason\": \"lost\"}"), 409, "INSUFFICIENT_STOCK");
        assertThat(tooMuch.path("available_quantity").asInt()).isEqualTo(21);
        assertProblem(post(path, admin, "{\"delta\": 0, \"reason\": \"nothing\"}"), 400, "INVALID_STOCK_DELTA");
        assertProblem(
                post(path, admin, "{\"delta\": 1000000, \"reason\": \"way too many\"}"), 409, "STOCK_LIMIT_EXCEEDED");
        assertProblem(post(path, admin, "{\"delta\": 5}"), 400, "VALIDATION_FAILED");
        assertProblem(post(path, admin, "{\"delta\": 1.5, \"reason\": \"half\"}"), 400, "VALIDATION_FAILED");

        assertThat(stockOf(created.option(0))).isEqualTo(21);
        assertThat(jdbc.queryForList(
                        "SELECT CONCAT(delta, ':', stock_after, ':', reason) FROM stock_adjustments "
                                + "WHERE product_option_id = ? ORDER BY created_at, stock_adjustment_id",
                        String.class,
                        created.option(0)))
                .containsExactly("10:10:initial stock", "15:25:received", "-4:21:damaged");
    }

    @Test
    void refusesDuplicateSkusAndChangesNothing() {
        OptionSpec taken = OptionSpec.of("Taken", 0, 3);
        Created existing = createProduct("Original", 1_000, taken);
        String admin = adminToken();
        String name = "Copycat " + newSku("n");

        // taken by another product (SKUs compare case-insensitively)
        HttpResponse<String> copy = post(
                "/v1/admin/products", admin, """
                {"product_name": "%s", "base_price": 1000, "options": [
                  {"option_name": "A", "sku": "%s", "additional_price": 0, "stock_quantity": 1}]}""".formatted(name, taken.sku().toLowerCase()));
        assertThat(assertProblem(copy, 409, "DUPLICATE_SKU").path("sku").asString())
                .isEqualTo(taken.sku().toLowerCase());
        // twice in the same request
        String twice = newSku("TWICE");
        assertProblem(post("/v1/admin/products", admin, """
                {"product_name": "%s", "base_price": 1000, "options": [
                  {"option_name": "A", "sku": "%s", "additional_price": 0, "stock_quantity": 1},
                  {"option_name": "B", "sku": "%s", "additional_price": 0, "stock_quantity": 1}]}""".formatted(name, twice, twice)), 409, "DUPLICATE_SKU");
        assertThat(count("SELECT COUNT(*) FROM products WHERE product_name = ?", name))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM product_options WHERE sku = ?", twice))
                .isZero();

        // a new option, or an existing one renamed, onto a taken SKU
        Created other = createProduct("Other", 2_000, OptionSpec.of("Mine", 0, 1));
        assertProblem(
                post("/v1/admin/products/" + other.productId() + "/options", admin, """
                {"option_name": "B", "sku": "%s", "additional_price": 0, "stock_quantity": 1}""".formatted(taken.sku())),
                409,
                "DUPLICATE_SKU");
        assertProblem(
                put("/v1/admin/products/" + other.productId() + "/options/" + other.option(0), admin, """
                {"option_name": "Mine", "sku": "%s", "additional_price": 0, "is_active": true}""".formatted(
                                taken.sku())),
                409,
                "DUPLICATE_SKU");
        assertThat(count("SELECT COUNT(*) FROM product_options WHERE product_id = ?", other.productId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT sku FROM product_options WHERE product_option_id = ?", String.class, other.option(0)))
                .isNotEqualTo(taken.sku());
        assertThat(count("SELECT COUNT(*) FROM product_options WHERE sku = ?", taken.sku()))
                .isEqualTo(1);
        assertThat(existing.optionIds()).hasSize(1);
    }

    @Test
    void concurrentCreationsWithTheSameSkuLeaveExactlyOneProduct() throws Exception {
        String sku = newSku("RACE");
        String name = "Race " + sku;
        String admin = adminToken();
        int contenders = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(contenders)) {
            for (int i = 0; i < contenders; i++) {
                statuses.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return post("/v1/admin/products", admin, """
                            {"product_name": "%s", "base_price": 1000, "options": [
                              {"option_name": "A", "sku": "%s", "additional_price": 0, "stock_quantity": 1}]}""".formatted(name, sku))
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes)
                    .containsOnly(201, 409)
                    .filteredOn(code -> code == 201)
                    .hasSize(1);
        }
        assertThat(count("SELECT COUNT(*) FROM products WHERE product_name = ?", name))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_options WHERE sku = ?", sku))
                .isEqualTo(1);
    }

    @Test
    void refusesInvalidProductsAndOptionsWithValidationProblems() {
        String admin = adminToken();
        String name = "Invalid " + newSku("n");
        String option = "{\"option_name\": \"A\", \"sku\": \"%s\", \"additional_price\": %s, \"stock_quantity\": %s}";
        List<String> bodies = List.of(
                "{\"product_name\": \"%s\", \"base_price\": -1}".formatted(name),
                "{\"product_name\": \"%s\", \"base_price\": 1000000001}".formatted(name),
                "{\"product_name\": \"%s\", \"base_price\": 10.5}".formatted(name),
                "{\"product_name\": \"%s\", \"base_price\": \"abc\"}".formatted(name),
                "{\"product_name\": \"%s\"}".formatted(name),
                "{\"product_name\": \"  \", \"base_price\": 1000}",
                "{\"product_name\": \"%s\", \"base_price\": 1000, \"options\": [%s]}"
                        .formatted(name, option.formatted(newSku("S"), "-100", "1")),
                "{\"product_name\": \"%s\", \"base_price\": 1000, \"options\": [%s]}"
                        .formatted(name, option.formatted(newSku("S"), "0", "-1")),
                "{\"product_name\": \"%s\", \"base_price\": 1000, \"options\": [%s]}"
                        .formatted(name, option.formatted(newSku("S"), "0", "1000001")),
                "{\"product_name\": \"%s\", \"base_price\": 1000, \"options\": [%s]}"
                        .formatted(name, option.formatted("has space", "0", "1")),
                "{\"product_name\": \"%s\", \"base_price\": 1000, \"options\": [null]}".formatted(name));
        for (String body : bodies) {
            JsonNode problem = assertProblem(post("/v1/admin/products", admin, body), 400, "VALIDATION_FAILED");
            assertThat(problem.path("errors")).as("field errors for %s", body).isNotEmpty();
        }
        assertProblem(post("/v1/admin/products", admin, "{not json"), 400, "MALFORMED_REQUEST");
        assertThat(count("SELECT COUNT(*) FROM products WHERE product_name = ?", name))
                .isZero();

        Created created = createProduct("Valid", 1_000, OptionSpec.of("A", 0, 1));
        assertProblem(
                put(
                        "/v1/admin/products/" + created.productId(),
                        admin,
                        "{\"product_name\": \"Valid\", \"base_price\": -5, \"is_active\": true}"),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                put(
                        "/v1/admin/products/" + created.productId() + "/options/" + created.option(0),
                        admin,
                        "{\"option_name\": \"A\", \"sku\": \"X-1\", \"additional_price\": -1, \"is_active\": true}"),
                400,
                "VALIDATION_FAILED");
        assertThat(jdbc.queryForObject(
                        "SELECT base_price FROM products WHERE product_id = ?", Long.class, created.productId()))
                .isEqualTo(1_000);
    }

    @Test
    void answersNotFoundForUnknownProductsAndOptions() {
        Created created = createProduct("Known", 1_000, OptionSpec.of("A", 0, 1));
        Created other = createProduct("Other", 1_000, OptionSpec.of("B", 0, 1));
        String admin = adminToken();
        long unknown = 9_000_000_000_000_000_001L;

        assertProblem(get("/v1/admin/products/" + unknown, admin), 404, "PRODUCT_NOT_FOUND");
        assertProblem(
                put(
                        "/v1/admin/products/" + unknown,
                        admin,
                        "{\"product_name\": \"X\", \"base_price\": 1, \"is_active\": true}"),
                404,
                "PRODUCT_NOT_FOUND");
        assertProblem(delete("/v1/admin/products/" + unknown, admin), 404, "PRODUCT_NOT_FOUND");
        assertProblem(
                post(
                        "/v1/admin/products/" + unknown + "/options",
                        admin,
                        "{\"option_name\": \"A\", \"sku\": \"%s\", \"additional_price\": 0, \"stock_quantity\": 1}"
                                .formatted(newSku("U"))),
                404,
                "PRODUCT_NOT_FOUND");
        // an option addressed through a product it does not belong to
        String wrongPath = "/v1/admin/products/" + other.productId() + "/options/" + created.option(0);
        assertProblem(delete(wrongPath, admin), 404, "PRODUCT_OPTION_NOT_FOUND");
        assertProblem(
                post(wrongPath + "/stock-adjustments", admin, "{\"delta\": 5, \"reason\": \"x\"}"),
                404,
                "PRODUCT_OPTION_NOT_FOUND");
        assertProblem(get("/v1/admin/products/abc", admin), 400, "VALIDATION_FAILED");
        assertThat(stockOf(created.option(0))).isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM product_options WHERE product_option_id = ? AND is_active = TRUE",
                        created.option(0)))
                .isEqualTo(1);
    }

    @Test
    void keepsEveryAdminPathForAdmins() {
        Created created = createProduct("Guarded", 1_000, OptionSpec.of("A", 0, 5));
        String user = userToken();
        String product = "/v1/admin/products/" + created.productId();
        String option = product + "/options/" + created.option(0);
        String validProduct = "{\"product_name\": \"Hacked\", \"base_price\": 1, \"is_active\": true}";

        List<HttpResponse<String>> responses = List.of(
                get("/v1/admin/products", user),
                get(product, user),
                post("/v1/admin/products", user, validProduct),
                put(product, user, validProduct),
                delete(product, user),
                post(
                        product + "/options",
                        user,
                        "{\"option_name\": \"B\", \"sku\": \"%s\", \"additional_price\": 0, \"stock_quantity\": 1}"
                                .formatted(newSku("H"))),
                put(
                        option,
                        user,
                        "{\"option_name\": \"B\", \"sku\": \"H-1\", \"additional_price\": 0, "
                                + "\"is_active\": true}"),
                delete(option, user),
                post(option + "/stock-adjustments", user, "{\"delta\": 100, \"reason\": \"free stock\"}"));
        for (HttpResponse<String> response : responses) {
            assertProblem(response, 403, "FORBIDDEN");
        }
        assertProblem(post("/v1/admin/products", null, validProduct), 401, "AUTHENTICATION_REQUIRED");

        assertThat(count("SELECT COUNT(*) FROM products WHERE product_name = 'Hacked'"))
                .isZero();
        assertThat(jdbc.queryForMap(
                        "SELECT product_name, is_active FROM products WHERE product_id = ?", created.productId()))
                .containsEntry("product_name", "Guarded");
        assertThat(count(
                        "SELECT COUNT(*) FROM products WHERE product_id = ? AND is_active = TRUE", created.productId()))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM product_options WHERE product_id = ?", created.productId()))
                .isEqualTo(1);
        assertThat(stockOf(created.option(0))).isEqualTo(5);
    }
}
