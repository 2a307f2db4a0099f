package com.creatorcommerce.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.TestKafka;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Donations across the real services (issue 14): top up and donate in one call through payment-service and the PG
 * (WireMock) as the top-up-then-donate saga on infra/saga (approve, decline, PG timeout resolved, payment-service past
 * the saga's deadline), {@code donation.completed.v1} read by a plain Kafka consumer with its CloudEvents headers, the
 * admin saga API listing and showing a donation saga, and a refund of the partly spent lot as a partial PG cancel for
 * the exact money. After each test the credit ledger's invariants hold on credit-service's database (balance = sum of the lots'
 * remaining = sum of history; each lot's credits = remaining + usages; each row's arithmetic).
 */
class DonationSystemIT extends PointAndPaymentSystemTest {

    private static final ConfigurableApplicationContext CREDIT = CreditServiceFixture.credit();

    private final JdbcTemplate creditJdbc = CREDIT.getBean(JdbcTemplate.class);

    @AfterEach
    void creditInvariantsHold() {
        assertThat(creditJdbc.queryForList("""
                SELECT c.user_id FROM credits c
                WHERE c.balance <> (SELECT COALESCE(SUM(h.amount), 0) FROM credit_history h WHERE h.user_id = c.user_id)
                   OR c.balance <> (SELECT COALESCE(SUM(t.remaining), 0) FROM credit_topups t
                                    WHERE t.user_id = c.user_id)""")).isEmpty();
        assertThat(creditJdbc.queryForList("""
                SELECT t.id FROM credit_topups t WHERE t.credits <> t.remaining
                  + (SELECT COALESCE(SUM(u.credits), 0) FROM credit_usages u WHERE u.lot_id = t.id)""")).isEmpty();
        assertThat(creditJdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_history " + "WHERE balance_before + amount <> balance_after",
                        Integer.class))
                .isZero();
    }

    private static void pgApproves(String key, long amount) {
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount
                        + ",\"approvedAt\":\"" + Instant.now() + "\"}")));
    }

    @Test
    void topUpAndDonateInOneCallThenRefundTheRestAsAPartialCancel() {
        long fan = newId();
        long creator = newId();
        String key = newKey("pk_approve_");
        pgApproves(key, 1999);

        HttpResponse<String> donated;
        ConsumerRecord<String, String> event;
        try (KafkaConsumer<String, String> liveChat = plainConsumer()) {
            donated = donate(fan, creator, 30, "basic_500", key);
            event = awaitDonationEvent(liveChat, creator);
        }

        assertThat(donated.statusCode()).as(donated.body()).isIn(201, 202); // 202 only if the PG took > settle-wait
        String donationId = body(donated).path("id").asString();
        awaitDonation(fan, donationId, "COMPLETED");
        assertThat(header(event, "ce_type")).isEqualTo("donation.completed.v1");
        assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(event, "ce_id")).isNotBlank();
        assertThat(header(event, "ce_source")).contains("credit-service");
        assertThat(header(event, "ce_time")).isNotBlank();
        assertThat(header(event, "content-type")).isEqualTo("application/json");
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.path("donation_id").asString()).isEqualTo(donationId);
        assertThat(payload.path("donor_id").asString()).isEqualTo(Long.toString(fan));
        assertThat(payload.path("creator_id").asString()).isEqualTo(Long.toString(creator));
        assertThat(payload.path("credits").asLong()).isEqualTo(30);
        assertThat(payload.path("message").asString()).isEqualTo("system test");
        long saga = sagaOf(donationId);
        Await.until("saga " + saga + " completed", TIMEOUT, () -> "COMPLETED".equals(sagaStatus(saga)));
        JsonNode shown = body(call("GET", "/v1/admin/credit-sagas/" + saga, TestJwt.admin(newId()), null));
        assertThat(shown.path("type").asString()).isEqualTo("credit.top-up-donation");
        assertThat(shown.path("status").asString()).isEqualTo("COMPLETED");
        List<String> steps = new ArrayList<>();
        shown.path("steps")
                .forEach(st -> steps.add(
                        st.path("step").asString() + ":" + st.path("event").asString()));
        assertThat(steps).containsSubsequence("pay:COMMAND_SENT", "pay:REPLY", "credit-top-up:REPLY", "debit:REPLY");
        JsonNode listed = body(call(
                "GET",
                "/v1/admin/credit-sagas?type=credit.top-up-donation&state=COMPLETED" + "&page_size=100",
                TestJwt.admin(newId()),
                null));
        assertThat(listed.path("total").asLong()).isPositive();
        assertThat(creditJdbc.queryForObject("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan))
                .isEqualTo(470);
        assertThat(body(call("GET", "/v1/donations/received", creator, null))
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        Map<String, Object> payment = paymentJdbc().queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key);
        assertThat(((Number) payment.get("amount")).longValue()).isEqualTo(1999);

        // 470 of 500 credits unspent: 19.99 x 470 / 500 = 18.7906 -> 18.79 USD, a partial cancel of 1879 cents
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .willReturn(
                        okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"PARTIAL_CANCELED\",\"totalAmount\":1999,"
                                + "\"balanceAmount\":120,\"cancels\":[{\"cancelAmount\":1879}]}")));
        long lot = creditJdbc.queryForObject(
                "SELECT id FROM credit_topups WHERE user_id = ? AND source = 'purchase'", Long.class, fan);
        HttpResponse<String> refund = call("POST", "/v1/credits/topups/" + lot + "/refund", fan, "");

        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(202);
        assertThat(body(refund).path("credits").asLong()).isEqualTo(470);
        assertThat(new BigDecimal(body(refund).path("amount").asString())).isEqualByComparingTo("18.79");
        String refundId = body(refund).path("id").asString();
        Await.until(
                "refund " + refundId + " completed",
                TIMEOUT,
                () -> "COMPLETED"
                        .equals(body(call("GET", "/v1/credits/refunds/" + refundId, fan, null))
                                .path("status")
                                .asString()));
        assertThat(PG.findAll(postRequestedFor(urlEqualTo("/v1/payments/" + key + "/cancel"))
                        .withRequestBody(equalToJson("{\"cancelAmount\":1879}", true, true))))
                .hasSize(1);
        assertThat(((Number) paymentJdbc()
                                .queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key)
                                .get("cancelled_amount"))
                        .longValue())
                .isEqualTo(1879);
        assertThat(creditJdbc.queryForObject("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan))
                .isZero();
    }

    @Test
    void aDeclinedTopUpGivesNothing() {
        long fan = newId();
        String key = newKey("pk_decline_");
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"declined\"}")));

        HttpResponse<String> r = donate(fan, newId(), 10, "starter_100", key);

        assertThat(r.statusCode()).as(r.body()).isIn(402, 202);
        String donationId =
                body(r).path(r.statusCode() == 402 ? "donation_id" : "id").asString();
        awaitDonation(fan, donationId, "FAILED");
        assertThat(body(call("GET", "/v1/donations/" + donationId, fan, null))
                        .path("failure_code")
                        .asString())
                .isEqualTo("PAYMENT_DECLINED");
        assertThat(creditJdbc.queryForList("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan).stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isZero();
    }

    @Test
    void aPgTimeoutIsResolvedByPaymentServiceAndTheDonationCompletesOnce() {
        long fan = newId();
        long creator = newId();
        String key = newKey("pk_slow_");
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(okJson("{\"paymentKey\":\"" + key
                                + "\",\"status\":\"DONE\",\"totalAmount\":499,\"approvedAt\":\"" + Instant.now()
                                + "\"}")
                        .withFixedDelay(1_500))); // past payment-service's limit
        PG.stubFor(WireMock.get(urlEqualTo("/v1/payments/" + key))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\"}")));

        HttpResponse<String> r = donate(fan, creator, 60, "starter_100", key);

        assertThat(r.statusCode()).as(r.body()).isIn(201, 202);
        awaitDonation(fan, body(r).path("id").asString(), "COMPLETED");
        assertThat(creditJdbc.queryForObject("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan))
                .isEqualTo(40);
        assertThat(creditJdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_history WHERE user_id = ? " + "AND transaction_type = 'donation'",
                        Integer.class,
                        fan))
                .isEqualTo(1);
        assertThat(paymentJdbc().queryForList("SELECT * FROM payments WHERE pg_payment_id = ?", key))
                .hasSize(1);
    }

    @Test
    void paymentServicePastTheSagasDeadlineFailsTheDonationAndGivesNothing() {
        long fan = newId();
        String key = newKey("pk_stuck_");
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":499}")
                        .withFixedDelay(1_500))); // past payment-service's limit
        PG.stubFor(WireMock.get(urlEqualTo("/v1/payments/" + key))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"IN_PROGRESS\"}")));

        HttpResponse<String> r = donate(fan, newId(), 10, "starter_100", key);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String donationId = body(r).path("id").asString();
        long saga = sagaOf(donationId);
        // payment-service keeps the payment PENDING (reconciliation is off here): the pay step is past its deadline
        Await.until(
                "the confirm reached the PG",
                TIMEOUT,
                () -> !PG.findAll(postRequestedFor(urlEqualTo("/v1/payments/confirm"))
                                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key))))
                        .isEmpty());
        creditJdbc.update(
                "UPDATE saga_instance SET deadline_at = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6)) "
                        + "WHERE id = ? AND status = 'RUNNING'",
                saga);

        awaitDonation(fan, donationId, "FAILED");
        JsonNode failed = body(call("GET", "/v1/donations/" + donationId, fan, null));
        assertThat(failed.path("failure_code").asString()).isEqualTo("TOP_UP_TIMEOUT");
        assertThat(sagaStatus(saga)).isEqualTo("COMPENSATED");
        assertThat(creditJdbc.queryForObject(
                        "SELECT COUNT(*) FROM saga_step_log WHERE saga_id = ? AND step = 'pay' "
                                + "AND event = 'DEADLINE'",
                        Integer.class,
                        saga))
                .isEqualTo(1);
        assertThat(creditJdbc.queryForList("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan).stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isZero();
        assertThat(creditJdbc.queryForObject(
                        "SELECT COUNT(*) FROM donations WHERE donor_id = ? AND status = " + "'COMPLETED'",
                        Integer.class,
                        fan))
                .isZero();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private long sagaOf(String donationId) {
        return creditJdbc.queryForObject(
                "SELECT saga_id FROM donations WHERE id = ?", Long.class, Long.parseLong(donationId));
    }

    private String sagaStatus(long saga) {
        return creditJdbc.queryForObject("SELECT status FROM saga_instance WHERE id = ?", String.class, saga);
    }

    /** What the live chat would be: a plain Kafka consumer of credit.events, reading from the end. */
    private static KafkaConsumer<String, String> plainConsumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "live-chat-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("credit.events"));
        Await.until("the live chat's consumer has its partitions", TIMEOUT, () -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitDonationEvent(
            KafkaConsumer<String, String> consumer, long creator) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Await.until("donation.completed.v1 keyed by creator " + creator, TIMEOUT, () -> {
            for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                if (Long.toString(creator).equals(rec.key())
                        && "donation.completed.v1".equals(header(rec, "ce_type"))) {
                    found.add(rec);
                }
            }
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> donate(long fan, long creator, long credits, String packageId, String token) {
        return call(
                "POST",
                "/v1/donations",
                fan,
                "{\"creator_id\":\"" + creator + "\",\"credits\":" + credits
                        + ",\"message\":\"system test\",\"top_up\":{\"package_id\":\"" + packageId
                        + "\",\"payment_token\":\""
                        + token + "\"}}");
    }

    private void awaitDonation(long fan, String id, String status) {
        Await.until(
                "donation " + id + " " + status,
                TIMEOUT,
                () -> status.equals(body(call("GET", "/v1/donations/" + id, fan, null))
                        .path("status")
                        .asString()));
    }

    private HttpResponse<String> call(String method, String path, long user, String json) {
        return call(method, path, TestJwt.user(user), json);
    }

    private HttpResponse<String> call(String method, String path, String token, String json) {
        int port = CREDIT.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if ("POST".equals(method)) {
            request.header("Idempotency-Key", "sys-" + UUID.randomUUID());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
