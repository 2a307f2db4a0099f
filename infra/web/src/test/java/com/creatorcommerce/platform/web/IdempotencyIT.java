package com.creatorcommerce.platform.web;

import static com.creatorcommerce.platform.web.ProblemJsonIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.web.idempotency.IdempotencyPurger;
import com.creatorcommerce.platform.web.idempotency.JdbcIdempotencyStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyIT extends WebIntegrationTest {

    @Autowired
    IdempotencyPurger purger;

    @Autowired
    DataSource dataSource;

    private final long userId = newUserId();
    private final String token = TestJwt.user(userId);
    private final String key = "key-" + UUID.randomUUID();

    @Test
    void replaysTheFirstResponseForTheSameKey() {
        String body = thing("replayed");

        HttpResponse<String> first = send(withKey(postJson("/v1/things", token, body), key));
        HttpResponse<String> second = send(withKey(postJson("/v1/things", token, body), key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(contentType(second)).isEqualTo(contentType(first));
        assertThat(second.headers().firstValue("Location"))
                .isPresent()
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(thingsOf(userId)).isEqualTo(1);
        assertThat(keyState(userId, key)).isEqualTo("COMPLETED");
    }

    @Test
    void refusesTheSameKeyForADifferentRequest() {
        HttpResponse<String> first = send(withKey(postJson("/v1/things", token, thing("original")), key));
        HttpResponse<String> reused = send(withKey(postJson("/v1/things", token, thing("different")), key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertProblem(reused, 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(thingsOf(userId)).isEqualTo(1);
    }

    @Test
    void keysOfDifferentUsersAreIndependent() {
        long otherUser = newUserId();

        HttpResponse<String> mine = send(withKey(postJson("/v1/things", token, thing("mine")), key));
        HttpResponse<String> theirs =
                send(withKey(postJson("/v1/things", TestJwt.user(otherUser), thing("theirs")), key));

        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(thingsOf(userId)).isEqualTo(1);
        assertThat(thingsOf(otherUser)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", Integer.class, key))
                .isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithTheSameKeyExecuteOnce() throws Exception {
        String body = thing("concurrent");
        int clients = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return send(withKey(postJson("/v1/things?delay_ms=1000", token, body), key));
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }

            List<HttpResponse<String>> originals = responses.stream()
                    .filter(r -> r.statusCode() == 201
                            && r.headers().firstValue("Idempotency-Replayed").isEmpty())
                    .toList();
            assertThat(originals).hasSize(1);
            String original = originals.getFirst().body();
            for (HttpResponse<String> response : responses) {
                if (response.statusCode() == 201) {
                    assertThat(response.body()).isEqualTo(original);
                } else {
                    assertProblem(response, 409, "IDEMPOTENCY_KEY_IN_PROGRESS");
                    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                }
            }
            assertThat(responses).anyMatch(r -> r.statusCode() == 409);
        }
        assertThat(thingsOf(userId)).isEqualTo(1);
    }

    @Test
    void aServerErrorReleasesTheKeySoThatARetryExecutes() {
        String body = "{\"label\":\"" + key + "\"}";

        HttpResponse<String> failed = send(withKey(postJson("/v1/things/flaky", token, body), key));
        Integer keysAfterFailure = keysOf(userId);
        HttpResponse<String> retried = send(withKey(postJson("/v1/things/flaky", token, body), key));
        HttpResponse<String> replayed = send(withKey(postJson("/v1/things/flaky", token, body), key));

        assertProblem(failed, 500, "INTERNAL_ERROR");
        assertThat(keysAfterFailure).isZero();
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(json(retried).get("executions").asInt()).isEqualTo(2);
        assertThat(replayed.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(replayed.body()).isEqualTo(retried.body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attempt WHERE owner_id = ?", Integer.class, userId))
                .isEqualTo(2);
    }

    @Test
    void aClientErrorIsRecordedAndReplayed() {
        HttpResponse<String> first = send(withKey(postJson("/v1/things/sold-out", token, "{}"), key));
        HttpResponse<String> second = send(withKey(postJson("/v1/things/sold-out", token, "{}"), key));

        assertProblem(first, 409, "THING_SOLD_OUT");
        assertProblem(second, 409, "THING_SOLD_OUT");
        assertThat(second.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void aKeyLeftInProgressBeyondTheStaleTimeoutIsTakenOver() throws Exception {
        String body = "{\"label\":\"" + key + "\"}";
        String path = "/v1/things/attempts?delay_ms=1500";
        CompletableFuture<HttpResponse<String>> first =
                CompletableFuture.supplyAsync(() -> send(withKey(postJson(path, token, body), key)));
        awaitKeyState(userId, key, "IN_PROGRESS");
        HttpResponse<String> whileRunning = send(withKey(postJson(path, token, body), key));
        // the first attempt now looks dead (as if its instance had crashed)
        jdbc.update(
                "UPDATE idempotency_key SET created_at = created_at - INTERVAL 2 MINUTE "
                        + "WHERE user_id = ? AND idem_key = ?",
                userId,
                key);

        HttpResponse<String> takeover = send(withKey(postJson(path, token, body), key));
        HttpResponse<String> replay = send(withKey(postJson(path, token, body), key));

        assertProblem(whileRunning, 409, "IDEMPOTENCY_KEY_IN_PROGRESS");
        HttpResponse<String> late = first.get();
        assertThat(late.statusCode()).isEqualTo(201);
        assertThat(takeover.statusCode()).isEqualTo(201);
        assertThat(takeover.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(json(takeover).get("attempt_id").asString())
                .isNotEqualTo(json(late).get("attempt_id").asString());
        // the late first attempt could not overwrite the outcome recorded by the attempt that took over
        assertThat(replay.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(replay.body()).isEqualTo(takeover.body());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attempt WHERE owner_id = ?", Integer.class, userId))
                .isEqualTo(2);
    }

    @Test
    void asyncResponsesAreRecordedToo() {
        String body = thing("async");

        HttpResponse<String> first = send(withKey(postJson("/v1/things/async", token, body), key));
        HttpResponse<String> second = send(withKey(postJson("/v1/things/async", token, body), key));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).get("thing_name").asString()).startsWith("async");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(thingsOf(userId)).isEqualTo(1);
    }

    @Test
    void requestsWithoutAKeyAreNotDeduplicated() {
        HttpResponse<String> first = send(postJson("/v1/things", token, thing("unkeyed-1")));
        HttpResponse<String> second = send(postJson("/v1/things", token, thing("unkeyed-2")));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(thingsOf(userId)).isEqualTo(2);
        assertThat(keysOf(userId)).isZero();
    }

    @Test
    void aMalformedKeyIsRefusedBeforeAnythingRuns() {
        HttpResponse<String> tooLong = send(withKey(postJson("/v1/things", token, thing("long-key")), "k".repeat(256)));
        HttpResponse<String> longest =
                send(withKey(postJson("/v1/things", token, thing("longest-key")), "k".repeat(255)));

        assertProblem(tooLong, 400, "IDEMPOTENCY_KEY_INVALID");
        assertThat(json(tooLong).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(longest.statusCode()).isEqualTo(201);
        assertThat(thingsOf(userId)).isEqualTo(1);
    }

    @Test
    void aBodyTooLargeToHashIsRefused() {
        String huge = "{\"thing_name\":\"" + "x".repeat(1024 * 1024) + "\",\"quantity\":1}";

        HttpResponse<String> response = send(withKey(postJson("/v1/things", token, huge), key));

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
        assertThat(keysOf(userId)).isZero();
    }

    @Test
    void keysAreCaseSensitive() {
        HttpResponse<String> lower = send(withKey(postJson("/v1/things", token, thing("lower")), "abc-" + key));
        HttpResponse<String> upper =
                send(withKey(postJson("/v1/things", token, thing("upper")), ("abc-" + key).toUpperCase()));

        assertThat(lower.statusCode()).isEqualTo(201);
        assertThat(upper.statusCode()).isEqualTo(201);
        assertThat(thingsOf(userId)).isEqualTo(2);
    }

    @Test
    void purgesKeysOlderThanTheRetentionInChunks() {
        for (int i = 0; i < 5; i++) {
            insertKey(userId, key + "-old-" + i, 25 * 60);
        }
        insertKey(userId, key + "-fresh", 60);

        int deleted = new JdbcIdempotencyStore(dataSource).purgeOlderThan(Duration.ofHours(24), 2);
        int deletedAgain = purger.purgeExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(deletedAgain).isZero();
        assertThat(jdbc.queryForList("SELECT idem_key FROM idempotency_key WHERE user_id = ?", String.class, userId))
                .containsExactly(key + "-fresh");
    }

    private void insertKey(long user, String idemKey, int minutesAgo) {
        jdbc.update(
                "INSERT INTO idempotency_key (user_id, idem_key, request_method, request_path, request_hash, "
                        + "state, attempt_token, response_status, created_at) VALUES (?, ?, 'POST', '/v1/things', ?, "
                        + "'COMPLETED', ?, 201, UTC_TIMESTAMP(6) - INTERVAL ? MINUTE)",
                user,
                idemKey,
                "0".repeat(64),
                "0".repeat(32),
                minutesAgo);
    }

    private static HttpRequest.Builder withKey(HttpRequest.Builder builder, String key) {
        return builder.header("Idempotency-Key", key);
    }

    private static String thing(String prefix) {
        return "{\"thing_name\":\"" + prefix + "-"
                + UUID.randomUUID().toString().substring(0, 12) + "\",\"quantity\":2}";
    }

    private int thingsOf(long owner) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM thing WHERE owner_id = ?", Integer.class, owner);
    }

    private Integer keysOf(long user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_key WHERE user_id = ?", Integer.class, user);
    }

    private String keyState(long user, String idemKey) {
        return jdbc
                .queryForList(
                        "SELECT state FROM idempotency_key WHERE user_id = ? AND idem_key = ?",
                        String.class,
                        user,
                        idemKey)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private void awaitKeyState(long user, String idemKey, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!state.equals(keyState(user, idemKey))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("key never reached " + state);
            }
            Thread.sleep(10);
        }
    }
}
