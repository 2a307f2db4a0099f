package com.creatorcommerce.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.order.application.ProductViewRetention;
import com.creatorcommerce.order.support.ApiTestBase;
import com.creatorcommerce.platform.test.TestJwt;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ProductBrowsingIT extends ApiTestBase {

    @Autowired
    Clock clock;

    @Autowired
    ProductViewRetention retention;

    @Test
    void listsActiveProductsPagedWithTheirActiveOptionsAndPricesWithoutAToken() {
        Created active = createProduct(
                "Listed tee",
                19_000,
                OptionSpec.of("S", 0, 3),
                new OptionSpec("Hidden", newSku("HID"), 1_000, 3, false),
                OptionSpec.of("XL", 3_000, 0));
        Created inactive = createProduct("Unlisted tee", 19_000, false, OptionSpec.of("S", 0, 3));

        HttpResponse<String> response = get("/v1/products?page=1&page_size=100", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = json(response);
        long activeProducts = count("SELECT COUNT(*) FROM products WHERE is_active = TRUE");
        assertThat(page.path("total").asLong()).isEqualTo(activeProducts);
        assertThat(page.path("page").asInt()).isEqualTo(1);
        assertThat(page.path("page_size").asInt()).isEqualTo(100);
        assertThat(page.path("has_more").asBoolean()).isEqualTo(activeProducts > 100);
        List<String> ids = new ArrayList<>();
        JsonNode listed = null;
        for (JsonNode item : page.path("items")) {
            assertThat(item.path("is_active").asBoolean()).isTrue();
            ids.add(item.path("id").asString());
            if (item.path("id").asString().equals(Long.toString(active.productId()))) {
                listed = item;
            }
        }
        assertThat(ids).doesNotContain(Long.toString(inactive.productId()));
        assertThat(listed).as("the active product is listed").isNotNull();
        assertThat(listed.path("options")).hasSize(2);
        List<String> optionNames = new ArrayList<>();
        listed.path("options")
                .forEach(option -> optionNames.add(option.path("option_name").asString()));
        assertThat(optionNames).containsExactly("S", "XL");
        assertThat(listed.path("options").get(1).path("price").asLong()).isEqualTo(22_000);
        assertThat(listed.path("options").get(1).path("in_stock").asBoolean()).isFalse();
        assertThat(listed.has("liked"))
                .as("no per-user state in the public list")
                .isFalse();
        // newest first: the product created last comes before older ones
        assertThat(ids.indexOf(Long.toString(active.productId()))).isZero();
    }

    @Test
    void pagesThroughTheListingAndOrdersByAllTimeViewsOnRequest() {
        Created a = createProduct("Paged A", 1_000, OptionSpec.of("A", 0, 1));
        Created b = createProduct("Paged B", 1_000, OptionSpec.of("B", 0, 1));
        long total = count("SELECT COUNT(*) FROM products WHERE is_active = TRUE");

        JsonNode first = json(get("/v1/products?page=1&page_size=1", null));
        assertThat(first.path("items")).hasSize(1);
        assertThat(first.path("items").get(0).path("id").asString()).isEqualTo(Long.toString(b.productId()));
        assertThat(first.path("has_more").asBoolean()).isEqualTo(total > 1);
        JsonNode second = json(get("/v1/products?page=2&page_size=1", null));
        assertThat(second.path("items").get(0).path("id").asString()).isEqualTo(Long.toString(a.productId()));
        JsonNode beyond = json(get("/v1/products?page=" + (total + 1) + "&page_size=1", null));
        assertThat(beyond.path("items")).isEmpty();
        assertThat(beyond.path("has_more").asBoolean()).isFalse();
        assertThat(beyond.path("total").asLong()).isEqualTo(total);

        long top = jdbc.queryForObject("SELECT COALESCE(MAX(view_count), 0) FROM products", Long.class) + 1_000;
        jdbc.update("UPDATE products SET view_count = ? WHERE product_id = ?", top, a.productId());
        JsonNode byViews = json(get("/v1/products?page=1&page_size=1&sort=view_count", null));
        assertThat(byViews.path("items").get(0).path("id").asString()).isEqualTo(Long.toString(a.productId()));

        // no N+1: a page of up to 100 products with their options is three statements (count, page, options)
        sql.clear();
        assertThat(get("/v1/products?page=1&page_size=100", null).statusCode()).isEqualTo(200);
        assertThat(sql.fromRequests()).as("SQL of one listing").hasSize(3);

        for (String bad : List.of("page=0", "page_size=0", "page_size=101", "sort=price", "page=abc")) {
            assertProblem(get("/v1/products?" + bad, null), 400, "VALIDATION_FAILED");
        }
    }

    @Test
    void productDetailCountsEveryViewAtomicallyInTheTotalAndInToday() throws Exception {
        Created created = createProduct("Viewed", 9_000, OptionSpec.of("A", 500, 2));
        int viewers = 24;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < viewers; i++) {
                statuses.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return get("/v1/products/" + created.productId(), null).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        assertThat(count("SELECT view_count FROM products WHERE product_id = ?", created.productId()))
                .isEqualTo(viewers);
        assertThat(count(
                        "SELECT view_count FROM product_view_daily WHERE product_id = ? AND view_date = ?",
                        created.productId(),
                        Date.valueOf(LocalDate.now(clock))))
                .isEqualTo(viewers);

        JsonNode detail = json(get("/v1/products/" + created.productId(), null));
        assertThat(detail.path("view_count").asLong()).as("includes this view").isEqualTo(viewers + 1);
        assertThat(detail.path("options").get(0).path("price").asLong()).isEqualTo(9_500);
        assertThat(detail.has("liked")).as("anonymous").isFalse();
    }

    @Test
    void productDetailOfAnUnknownOrInactiveProductIsNotFoundAndCountsNothing() {
        Created inactive = createProduct("Gone", 1_000, false, OptionSpec.of("A", 0, 1));

        assertProblem(get("/v1/products/" + inactive.productId(), null), 404, "PRODUCT_NOT_FOUND");
        assertProblem(get("/v1/products/123456789", null), 404, "PRODUCT_NOT_FOUND");
        assertProblem(get("/v1/products/not-a-number", null), 400, "VALIDATION_FAILED");

        assertThat(count("SELECT view_count FROM products WHERE product_id = ?", inactive.productId()))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM product_view_daily WHERE product_id IN (?, ?)",
                        inactive.productId(),
                        123456789L))
                .isZero();
    }

    @Test
    void productDetailTellsASignedInCallerWhetherTheyLikeIt() {
        Created created = createProduct("Likeable", 1_000, OptionSpec.of("A", 0, 1));
        long fan = newUserId();
        assertThat(put("/v1/products/" + created.productId() + "/like", TestJwt.user(fan), null)
                        .statusCode())
                .isEqualTo(200);

        assertThat(json(get("/v1/products/" + created.productId(), TestJwt.user(fan)))
                        .path("liked")
                        .asBoolean())
                .isTrue();
        JsonNode stranger = json(get("/v1/products/" + created.productId(), userToken()));
        assertThat(stranger.path("liked").isBoolean()).isTrue();
        assertThat(stranger.path("liked").asBoolean()).isFalse();
        assertThat(stranger.path("like_count").asLong()).isEqualTo(1);
    }

    @Test
    void popularProductsCountOnlyTheViewsOfTheLastThreeDays() {
        LocalDate today = LocalDate.now(clock);
        Created onceHot = createProduct("Was hot", 1_000, OptionSpec.of("A", 0, 1));
        Created hotToday = createProduct("Hot today", 1_000, OptionSpec.of("A", 0, 1));
        Created dayBeforeYesterday = createProduct("Two days ago", 1_000, OptionSpec.of("A", 0, 1));
        Created threeDaysAgo = createProduct("Three days ago", 1_000, OptionSpec.of("A", 0, 1));
        Created hiddenNow = createProduct("Hidden now", 1_000, OptionSpec.of("A", 0, 1));
        views(onceHot, today.minusDays(4), 100_000);
        views(onceHot, today, 1);
        views(hotToday, today, 50_000);
        views(dayBeforeYesterday, today.minusDays(2), 30_000);
        views(threeDaysAgo, today.minusDays(3), 90_000);
        views(hiddenNow, today, 80_000);
        assertThat(delete("/v1/admin/products/" + hiddenNow.productId(), adminToken())
                        .statusCode())
                .isEqualTo(204);
        // a real view through the API lands in today's bucket too
        assertThat(get("/v1/products/" + onceHot.productId(), null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> response = get("/v1/products/popular?limit=50", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode popular = json(response);
        assertThat(popular.path("window_days").asInt()).isEqualTo(3);
        assertThat(popular.path("window_start").asString())
                .isEqualTo(today.minusDays(2).toString());
        assertThat(popular.path("window_end").asString()).isEqualTo(today.toString());

        List<String> mine = List.of(
                Long.toString(onceHot.productId()),
                Long.toString(hotToday.productId()),
                Long.toString(dayBeforeYesterday.productId()),
                Long.toString(threeDaysAgo.productId()),
                Long.toString(hiddenNow.productId()));
        List<String> ranked = new ArrayList<>();
        List<Long> recent = new ArrayList<>();
        for (JsonNode item : popular.path("items")) {
            if (mine.contains(item.path("id").asString())) {
                ranked.add(item.path("id").asString());
                recent.add(item.path("recent_view_count").asLong());
            }
        }
        assertThat(ranked)
                .containsExactly(
                        Long.toString(hotToday.productId()),
                        Long.toString(dayBeforeYesterday.productId()),
                        Long.toString(onceHot.productId()));
        assertThat(recent).containsExactly(50_000L, 30_000L, 2L);
        JsonNode first = popular.path("items").get(0);
        assertThat(first.path("options").get(0).path("price").asLong()).isEqualTo(1_000);

        assertProblem(get("/v1/products/popular?limit=51", null), 400, "LIMIT_TOO_LARGE");
        assertProblem(get("/v1/products/popular?limit=0", null), 400, "VALIDATION_FAILED");
    }

    @Test
    void purgesPerDayViewCountersPastTheRetention() {
        LocalDate today = LocalDate.now(clock);
        Created created = createProduct("Old views", 1_000, OptionSpec.of("A", 0, 1));
        views(created, today.minusDays(40), 5);
        views(created, today.minusDays(36), 5);
        views(created, today.minusDays(35), 5);
        views(created, today.minusDays(1), 5);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForList(
                        "SELECT view_date FROM product_view_daily WHERE product_id = ? " + "ORDER BY view_date",
                        LocalDate.class,
                        created.productId()))
                .containsExactly(today.minusDays(35), today.minusDays(1));
    }

    /** Views of a past day, as the detail endpoint would have recorded them then. */
    private void views(Created product, LocalDate day, long views) {
        jdbc.update(
                "INSERT INTO product_view_daily (product_id, view_date, view_count) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE view_count = view_count + VALUES(view_count)",
                product.productId(),
                Date.valueOf(day),
                views);
        jdbc.update("UPDATE products SET view_count = view_count + ? WHERE product_id = ?", views, product.productId());
    }
}
