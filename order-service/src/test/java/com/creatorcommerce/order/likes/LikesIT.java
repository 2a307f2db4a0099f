package com.creatorcommerce.order.likes;

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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LikesIT extends ApiTestBase {

    @Test
    void likeAndUnlikeAreIdempotentAndMoveTheCountOnce() {
        Created product = createProduct("Liked", 1_000, OptionSpec.of("A", 0, 1));
        long userId = newUserId();
        String token = TestJwt.user(userId);
        String path = "/v1/products/" + product.productId() + "/like";

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> like = put(path, token, null);
            assertThat(like.statusCode()).as(like.body()).isEqualTo(200);
            assertThat(json(like).path("liked").asBoolean()).isTrue();
            assertThat(json(like).path("product_id").asString()).isEqualTo(Long.toString(product.productId()));
        }
        assertThat(count(
                        "SELECT COUNT(*) FROM product_likes WHERE user_id = ? AND product_id = ?",
                        userId,
                        product.productId()))
                .isEqualTo(1);
        assertThat(likeCount(product)).isEqualTo(1);

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> unlike = delete(path, token);
            assertThat(unlike.statusCode()).isEqualTo(200);
            assertThat(json(unlike).path("liked").asBoolean()).isFalse();
        }
        assertThat(count("SELECT COUNT(*) FROM product_likes WHERE product_id = ?", product.productId()))
                .isZero();
        assertThat(likeCount(product)).isZero();
    }

    @Test
    void concurrentLikesOfOneUserCountOnceAndLikesOfManyUsersAllCount() throws Exception {
        Created product = createProduct("Popular like", 1_000, OptionSpec.of("A", 0, 1));
        String path = "/v1/products/" + product.productId() + "/like";
        String sameUser = userToken();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tokens.add(sameUser);
            tokens.add(userToken());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (String token : tokens) {
                statuses.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return put(path, token, null).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        assertThat(count("SELECT COUNT(*) FROM product_likes WHERE product_id = ?", product.productId()))
                .isEqualTo(11);
        assertThat(likeCount(product)).isEqualTo(11);
    }

    @Test
    void likingNeedsATokenAndAProductOnSale() {
        Created product = createProduct("Guarded like", 1_000, OptionSpec.of("A", 0, 1));
        Created inactive = createProduct("Inactive like", 1_000, false, OptionSpec.of("A", 0, 1));
        String token = userToken();

        assertProblem(put("/v1/products/" + product.productId() + "/like", null, null), 401, "AUTHENTICATION_REQUIRED");
        assertProblem(put("/v1/products/" + inactive.productId() + "/like", token, null), 404, "PRODUCT_NOT_FOUND");
        assertProblem(put("/v1/products/987654321/like", token, null), 404, "PRODUCT_NOT_FOUND");
        assertProblem(delete("/v1/products/987654321/like", token), 404, "PRODUCT_NOT_FOUND");
        assertProblem(put("/v1/products/x/like", token, null), 400, "VALIDATION_FAILED");
        assertThat(count(
                        "SELECT COUNT(*) FROM product_likes WHERE product_id IN (?, ?, 987654321)",
                        product.productId(),
                        inactive.productId()))
                .isZero();
        assertThat(likeCount(inactive)).isZero();
    }

    @Test
    void checkBatchAnswersAHundredIdsWithOneSqlQuery() {
        long userId = newUserId();
        String token = TestJwt.user(userId);
        Created liked1 = createProduct("Batch 1", 1_000, OptionSpec.of("A", 0, 1));
        Created liked2 = createProduct("Batch 2", 1_000, OptionSpec.of("A", 0, 1));
        Created notLiked = createProduct("Batch 3", 1_000, OptionSpec.of("A", 0, 1));
        Created likedByOther = createProduct("Batch 4", 1_000, OptionSpec.of("A", 0, 1));
        put("/v1/products/" + liked1.productId() + "/like", token, null);
        put("/v1/products/" + liked2.productId() + "/like", token, null);
        put("/v1/products/" + likedByOther.productId() + "/like", userToken(), null);

        List<String> ids = new ArrayList<>(List.of(
                Long.toString(liked1.productId()),
                Long.toString(liked2.productId()),
                Long.toString(notLiked.productId()),
                Long.toString(likedByOther.productId())));
        IntStream.range(0, 96).forEach(i -> ids.add(Long.toString(5_000_000_000L + i)));
        String body = "{\"product_ids\": ["
                + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ")) + "]}";

        sql.clear();
        HttpResponse<String> response = post("/v1/likes/check-batch", token, body);
        List<String> statements = sql.fromRequests();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = json(response).path("liked_products");
        assertThat(answer.size()).isEqualTo(100);
        assertThat(answer.path(Long.toString(liked1.productId())).asBoolean()).isTrue();
        assertThat(answer.path(Long.toString(liked2.productId())).asBoolean()).isTrue();
        assertThat(answer.path(Long.toString(notLiked.productId())).asBoolean()).isFalse();
        assertThat(answer.path(Long.toString(likedByOther.productId())).asBoolean())
                .as("another user's like")
                .isFalse();
        long trueCount = ids.stream().filter(id -> answer.path(id).asBoolean()).count();
        assertThat(trueCount).isEqualTo(2);
        assertThat(statements).as("SQL sent while answering").hasSize(1);
        assertThat(statements.get(0)).contains("product_likes");
    }

    @Test
    void checkBatchAcceptsNumbersDeduplicatesAndAnswersAnEmptyListWithoutSql() {
        Created product = createProduct("Batch dedupe", 1_000, OptionSpec.of("A", 0, 1));
        String token = userToken();
        put("/v1/products/" + product.productId() + "/like", token, null);

        HttpResponse<String> numbers = post(
                "/v1/likes/check-batch",
                token,
                "{\"product_ids\": [%d, \"%d\", 42]}".formatted(product.productId(), product.productId()));
        assertThat(numbers.statusCode()).as(numbers.body()).isEqualTo(200);
        assertThat(JSON.convertValue(json(numbers).path("liked_products"), Map.class))
                .isEqualTo(Map.of(Long.toString(product.productId()), true, "42", false));

        sql.clear();
        HttpResponse<String> empty = post("/v1/likes/check-batch", token, "{\"product_ids\": []}");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(json(empty).path("liked_products").size()).isZero();
        assertThat(sql.fromRequests()).isEmpty();
    }

    @Test
    void checkBatchRefusesOversizedBatchesAndMalformedIdsBeforeAnySql() {
        String token = userToken();
        String hundredAndOne = "{\"product_ids\": ["
                + IntStream.rangeClosed(1, 101).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(",")) + "]}";
        List<String> bad = List.of(
                hundredAndOne,
                "{\"product_ids\": [\"abc\"]}",
                "{\"product_ids\": [\"-1\"]}",
                "{\"product_ids\": [\"0\"]}",
                "{\"product_ids\": [\"1.5\"]}",
                "{\"product_ids\": [1.5]}",
                "{\"product_ids\": [\"99999999999999999999\"]}",
                "{\"product_ids\": [\" 12\"]}",
                "{\"product_ids\": [null]}",
                "{\"product_ids\": \"12\"}",
                "{}");

        sql.clear();
        for (String body : bad) {
            JsonNode problem = assertProblem(post("/v1/likes/check-batch", token, body), 400, "VALIDATION_FAILED");
            assertThat(problem.path("errors")).as("errors for %s", body).isNotEmpty();
            assertThat(problem.path("errors").get(0).path("field").asString()).startsWith("product_ids");
        }
        assertThat(sql.fromRequests(s -> s.contains("product_likes"))).isEmpty();
        assertProblem(
                post("/v1/likes/check-batch", null, "{\"product_ids\": [\"1\"]}"), 401, "AUTHENTICATION_REQUIRED");
    }

    private long likeCount(Created product) {
        return count("SELECT like_count FROM products WHERE product_id = ?", product.productId());
    }
}
