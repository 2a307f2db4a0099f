package com.creatorcommerce.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.order.support.ApiTestBase;
import com.creatorcommerce.platform.test.TestJwt;
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

class CartIT extends ApiTestBase {

    @Test
    void addsMergesChangesAndRemovesLines() {
        Created product = createProduct("Cart tee", 10_000, OptionSpec.of("M", 1_000, 20));
        long userId = newUserId();
        String token = TestJwt.user(userId);

        HttpResponse<String> added = add(token, product.option(0), 2);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode line = json(added);
        String lineId = line.path("id").asString();
        assertThat(added.headers().firstValue("Location")).hasValue("/v1/cart/items/" + lineId);
        assertThat(line.path("product_option_id").asString()).isEqualTo(Long.toString(product.option(0)));
        assertThat(line.path("product_id").asString()).isEqualTo(Long.toString(product.productId()));
        assertThat(line.path("product_name").asString()).isEqualTo("Cart tee");
        assertThat(line.path("quantity").asInt()).isEqualTo(2);
        assertThat(line.path("saved_price").asLong()).isEqualTo(11_000);
        assertThat(line.path("unit_price").asLong()).isEqualTo(11_000);
        assertThat(line.path("subtotal").asLong()).isEqualTo(22_000);
        assertThat(line.path("price_changed").asBoolean()).isFalse();
        assertThat(line.path("orderable").asBoolean()).isTrue();

        HttpResponse<String> merged = add(token, product.option(0), 3);
        assertThat(merged.statusCode()).as("merged into the line").isEqualTo(200);
        assertThat(json(merged).path("id").asString()).isEqualTo(lineId);
        assertThat(json(merged).path("quantity").asInt()).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM cart_items WHERE user_id = ?", userId))
                .isEqualTo(1);

        HttpResponse<String> changed = patch("/v1/cart/items/" + lineId, token, "{\"quantity\": 1}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).path("quantity").asInt()).isEqualTo(1);

        JsonNode cart = json(get("/v1/cart", token));
        assertThat(cart.path("items")).hasSize(1);
        assertThat(cart.path("total_quantity").asInt()).isEqualTo(1);
        assertThat(cart.path("total_amount").asLong()).isEqualTo(11_000);

        assertThat(delete("/v1/cart/items/" + lineId, token).statusCode()).isEqualTo(204);
        assertProblem(delete("/v1/cart/items/" + lineId, token), 404, "CART_ITEM_NOT_FOUND");
        assertThat(json(get("/v1/cart", token)).path("items")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM cart_items WHERE user_id = ?", userId))
                .isZero();
    }

    @Test
    void eachUserSeesAndChangesOnlyTheirOwnCart() {
        Created product = createProduct("Shared tee", 10_000, OptionSpec.of("M", 0, 20));
        long aliceId = newUserId();
        String alice = TestJwt.user(aliceId);
        String bob = userToken();
        String aliceLine = json(add(alice, product.option(0), 4)).path("id").asString();

        assertThat(json(get("/v1/cart", bob)).path("items")).isEmpty();
        assertProblem(patch("/v1/cart/items/" + aliceLine, bob, "{\"quantity\": 9}"), 404, "CART_ITEM_NOT_FOUND");
        assertProblem(delete("/v1/cart/items/" + aliceLine, bob), 404, "CART_ITEM_NOT_FOUND");
        // the same option in Bob's cart is a line of his own
        assertThat(add(bob, product.option(0), 1).statusCode()).isEqualTo(201);

        JsonNode aliceCart = json(get("/v1/cart", alice));
        assertThat(aliceCart.path("items")).hasSize(1);
        assertThat(aliceCart.path("items").get(0).path("quantity").asInt()).isEqualTo(4);
        assertThat(count(
                        "SELECT quantity FROM cart_items WHERE cart_item_id = ? AND user_id = ?",
                        Long.parseLong(aliceLine),
                        aliceId))
                .isEqualTo(4);
        assertProblem(get("/v1/cart", null), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void showsCurrentPricesAndFlagsChangedPricesUnavailableOptionsAndMissingStock() {
        Created product = createProduct(
                "Flagged",
                10_000,
                OptionSpec.of("Repriced", 0, 10),
                OptionSpec.of("Retired", 0, 10),
                OptionSpec.of("Scarce", 0, 10),
                OptionSpec.of("Fine", 500, 10));
        String token = userToken();
        add(token, product.option(0), 1);
        add(token, product.option(1), 1);
        add(token, product.option(2), 3);
        add(token, product.option(3), 2);
        String admin = adminToken();
        String options = "/v1/admin/products/" + product.productId() + "/options/";
        assertThat(put(
                                options + product.option(0),
                                admin,
                                "{\"option_name\": \"Repriced\", \"sku\": \"%s\", \"additional_price\": 2000, \"is_active\": true}"
                                        .formatted(skuOf(product.option(0))))
                        .statusCode())
                .isEqualTo(200);
        assertThat(delete(options + product.option(1), admin).statusCode()).isEqualTo(204);
        assertThat(post(
                                options + product.option(2) + "/stock-adjustments",
                                admin,
                                "{\"delta\": -8, \"reason\": \"sold elsewhere\"}")
                        .statusCode())
                .isEqualTo(200);

        JsonNode cart = json(get("/v1/cart", token));
        Map<String, JsonNode> lines = byOptionName(cart);
        JsonNode repriced = lines.get("Repriced");
        assertThat(repriced.path("saved_price").asLong()).isEqualTo(10_000);
        assertThat(repriced.path("unit_price").asLong()).isEqualTo(12_000);
        assertThat(repriced.path("price_changed").asBoolean()).isTrue();
        assertThat(repriced.path("orderable").asBoolean()).isTrue();
        JsonNode retired = lines.get("Retired");
        assertThat(retired.path("available").asBoolean()).isFalse();
        assertThat(retired.path("orderable").asBoolean()).isFalse();
        JsonNode scarce = lines.get("Scarce");
        assertThat(scarce.path("stock_quantity").asInt()).isEqualTo(2);
        assertThat(scarce.path("insufficient_stock").asBoolean()).isTrue();
        assertThat(scarce.path("out_of_stock").asBoolean()).isFalse();
        assertThat(scarce.path("orderable").asBoolean()).isFalse();
        assertThat(lines.get("Fine").path("price_changed").asBoolean()).isFalse();
        assertThat(lines.get("Fine").path("orderable").asBoolean()).isTrue();
        assertThat(cart.path("total_amount").asLong())
                .as("orderable lines at current prices")
                .isEqualTo(12_000 + 2 * 10_500);
        assertThat(cart.path("total_quantity").asInt()).isEqualTo(3);
        assertThat(cart.path("has_unorderable_items").asBoolean()).isTrue();
        assertThat(cart.path("has_price_changes").asBoolean()).isTrue();

        assertThat(post(
                                options + product.option(2) + "/stock-adjustments",
                                admin,
                                "{\"delta\": -2, \"reason\": \"gone\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(byOptionName(json(get("/v1/cart", token)))
                        .get("Scarce")
                        .path("out_of_stock")
                        .asBoolean())
                .isTrue();
        // a deactivated product makes all of its lines unavailable
        assertThat(delete("/v1/admin/products/" + product.productId(), admin).statusCode())
                .isEqualTo(204);
        assertThat(byOptionName(json(get("/v1/cart", token)))
                        .get("Fine")
                        .path("available")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void refusesBadInputAndChangesNothing() {
        Created product = createProduct(
                "Strict", 10_000, OptionSpec.of("Few", 0, 5), new OptionSpec("Off", newSku("OFF"), 0, 5, false));
        Created inactiveProduct = createProduct("Strict off", 10_000, false, OptionSpec.of("A", 0, 5));
        long userId = newUserId();
        String token = TestJwt.user(userId);
        String lineId = json(add(token, product.option(0), 3)).path("id").asString();

        assertProblem(add(token, 424242L, 1), 404, "PRODUCT_OPTION_NOT_FOUND");
        assertProblem(add(token, product.option(1), 1), 409, "PRODUCT_OPTION_UNAVAILABLE");
        assertProblem(add(token, inactiveProduct.option(0), 1), 409, "PRODUCT_OPTION_UNAVAILABLE");
        JsonNode short1 = assertProblem(add(token, product.option(0), 3), 409, "INSUFFICIENT_STOCK");
        assertThat(short1.path("available_quantity").asInt()).isEqualTo(5);
        for (String quantity : List.of("0", "-1", "100", "1.5", "\"abc\"", "null")) {
            assertProblem(
                    post(
                            "/v1/cart/items",
                            token,
                            "{\"product_option_id\": \"%d\", \"quantity\": %s}".formatted(product.option(0), quantity)),
                    400,
                    "VALIDATION_FAILED");
            assertProblem(
                    patch("/v1/cart/items/" + lineId, token, "{\"quantity\": %s}".formatted(quantity)),
                    400,
                    "VALIDATION_FAILED");
        }
        for (String optionId : List.of("\"abc\"", "\"-5\"", "\"0\"", "null", "\"99999999999999999999\"")) {
            assertProblem(
                    post("/v1/cart/items", token, "{\"product_option_id\": %s, \"quantity\": 1}".formatted(optionId)),
                    400,
                    "VALIDATION_FAILED");
        }
        assertProblem(patch("/v1/cart/items/" + lineId, token, "{\"quantity\": 6}"), 409, "INSUFFICIENT_STOCK");
        assertProblem(patch("/v1/cart/items/777", token, "{\"quantity\": 1}"), 404, "CART_ITEM_NOT_FOUND");
        assertProblem(
                post(
                        "/v1/cart/items",
                        null,
                        "{\"product_option_id\": \"%d\", \"quantity\": 1}".formatted(product.option(0))),
                401,
                "AUTHENTICATION_REQUIRED");

        assertThat(jdbc.queryForList(
                        "SELECT CONCAT(product_option_id, 'x', quantity) FROM cart_items " + "WHERE user_id = ?",
                        String.class,
                        userId))
                .containsExactly(product.option(0) + "x3");
    }

    @Test
    void aLineNeverGrowsBeyondItsLimitAndTheRefusalKeepsTheLine() {
        Created product = createProduct("Bulk", 1_000, OptionSpec.of("A", 0, 500));
        long userId = newUserId();
        String token = TestJwt.user(userId);
        add(token, product.option(0), 60);
        JsonNode problem = assertProblem(add(token, product.option(0), 40), 409, "CART_LINE_LIMIT_EXCEEDED");
        assertThat(problem.path("max_quantity").asInt()).isEqualTo(99);
        assertThat(count("SELECT quantity FROM cart_items WHERE user_id = ?", userId))
                .isEqualTo(60);
        assertThat(add(token, product.option(0), 39).statusCode()).isEqualTo(200);
        assertThat(count("SELECT quantity FROM cart_items WHERE user_id = ?", userId))
                .isEqualTo(99);
    }

    @Test
    void concurrentAddsOfTheSameOptionMergeIntoOneLine() throws Exception {
        Created product = createProduct("Rush", 1_000, OptionSpec.of("A", 0, 100));
        long userId = newUserId();
        String token = TestJwt.user(userId);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                statuses.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return add(token, product.option(0), 2).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertThat(codes)
                    .containsOnly(200, 201)
                    .filteredOn(code -> code == 201)
                    .hasSize(1);
        }
        assertThat(jdbc.queryForList("SELECT quantity FROM cart_items WHERE user_id = ?", Integer.class, userId))
                .containsExactly(32);
    }

    private HttpResponse<String> add(String token, long optionId, int quantity) {
        return post(
                "/v1/cart/items",
                token,
                "{\"product_option_id\": \"%d\", \"quantity\": %d}".formatted(optionId, quantity));
    }

    private String skuOf(long optionId) {
        return jdbc.queryForObject(
                "SELECT sku FROM product_options WHERE product_option_id = ?", String.class, optionId);
    }

    private static Map<String, JsonNode> byOptionName(JsonNode cart) {
        Map<String, JsonNode> lines = new java.util.HashMap<>();
        cart.path("items").forEach(line -> lines.put(line.path("option_name").asString(), line));
        return lines;
    }
}
