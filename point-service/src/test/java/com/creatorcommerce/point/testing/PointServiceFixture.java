package com.creatorcommerce.point.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.Envelopes;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a test of a running point-service uses to drive it and check it: its HTTP API as a user (charge requests),
 * its topics (publish as another service's outbox would, await what it published), and the ledger rules over its
 * database. The base of point-service's own integration tests and of the system tests that run it beside other
 * services (attached as point-service's {@code tests} jar); each says what to talk to with {@link #use}.
 */
public abstract class PointServiceFixture {

    protected static final Duration TIMEOUT = Duration.ofSeconds(30);
    protected static final TopicRecorder RECORDER =
            TopicRecorder.of(PointTopics.REPLIES, PointTopics.EVENTS, PaymentTopics.COMMANDS, PaymentTopics.REPLIES);
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    /** point-service's database, JSON mapper, Kafka producer and HTTP port (set by {@link #use}). */
    protected JdbcTemplate jdbc;

    protected JsonMapper json;
    protected KafkaTemplate<String, String> kafka;
    protected int port;
    protected final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Points the helpers at a running point-service. */
    protected void use(JdbcTemplate jdbc, JsonMapper json, KafkaTemplate<String, String> kafka, int port) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.json = Objects.requireNonNull(json, "json");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.port = port;
    }

    protected static long newId() {
        return IDS.incrementAndGet();
    }

    protected static String newKey(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    // ------------------------------------------------------------------------------------------ HTTP

    protected HttpResponse<String> post(String path, long user, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestJwt.user(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> get(String path, long user) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TestJwt.user(user))
                .GET());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }

    // ------------------------------------------------------------------------------------------ charges

    protected long createCharge(long user, long amount) {
        HttpResponse<String> r = post("/v1/points/charges", user, "{\"amount\":" + amount + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Long.parseLong(body(r).get("id").asString());
    }

    protected HttpResponse<String> confirm(long user, long chargeId, String paymentKey) {
        return post("/v1/points/charges/" + chargeId + "/confirm", user, "{\"payment_key\":\"" + paymentKey + "\"}");
    }

    protected JsonNode awaitCharge(long user, long chargeId, String status) {
        Await.until(
                "charge " + chargeId + " " + status,
                TIMEOUT,
                () -> status.equals(body(get("/v1/points/charges/" + chargeId, user))
                        .get("status")
                        .asString()));
        return body(get("/v1/points/charges/" + chargeId, user));
    }

    // ------------------------------------------------------------------------------------------ Kafka

    /** Publishes a message with our envelope headers, as another service's outbox would. */
    protected void publish(String topic, String key, String type, Object payload, String messageId, long userId) {
        try {
            kafka.send(Envelopes.record(
                            topic,
                            key,
                            type,
                            payload instanceof String s ? s : json.writeValueAsString(payload),
                            messageId,
                            "/test",
                            "saga-" + key,
                            userId))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<ConsumerRecord<String, String>> await(String topic, String type, String key, int count) {
        return RECORDER.await(
                r -> r.topic().equals(topic)
                        && key.equals(r.key())
                        && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE)),
                count,
                TIMEOUT);
    }

    protected List<ConsumerRecord<String, String>> records(String topic, String key) {
        return RECORDER.records(r -> r.topic().equals(topic) && key.equals(r.key()));
    }

    // ------------------------------------------------------------------------------------------ ledger

    protected long balance(long user) {
        List<Long> b = jdbc.queryForList("SELECT balance FROM point_balances WHERE user_id = ?", Long.class, user);
        return b.isEmpty() ? 0 : b.getFirst();
    }

    protected int transactions(long user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM point_transactions WHERE user_id = ?", Integer.class, user);
    }

    /**
     * ARCHITECTURE.md's ledger rules, over the whole database: balance = sum of history amounts per user (and no
     * history without a wallet); balance_before + amount = balance_after on every row; nothing below zero; each row
     * continues the previous one of its wallet, the first one from 0 (no lost update).
     */
    protected void assertLedgerInvariants() {
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM point_balances b
                LEFT JOIN (SELECT user_id, SUM(amount) AS total FROM point_transactions GROUP BY user_id) t
                       ON t.user_id = b.user_id
                WHERE b.balance <> COALESCE(t.total, 0)""", Integer.class))
                .as("balance = sum of history")
                .isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM point_transactions t
                WHERE NOT EXISTS (SELECT 1 FROM point_balances b WHERE b.user_id = t.user_id)""", Integer.class))
                .as("history without a wallet")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM point_transactions WHERE balance_before + amount <> balance_after",
                        Integer.class))
                .as("balance_before + amount = balance_after")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM point_balances WHERE balance < 0", Integer.class)
                        + jdbc.queryForObject(
                                "SELECT COUNT(*) FROM point_transactions WHERE balance_after < 0 "
                                        + "OR balance_before < 0",
                                Integer.class))
                .as("never negative")
                .isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM (
                  SELECT balance_before, COALESCE(
                         LAG(balance_after) OVER (PARTITION BY user_id ORDER BY transaction_id), 0) AS previous_after
                  FROM point_transactions) chain
                WHERE previous_after <> balance_before""", Integer.class))
                .as("every row continues the previous one")
                .isZero();
    }
}
