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
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Donations across the real services (issue 14): top up and donate in one call through payment-service and the PG
 * (WireMock), a declined top-up, and a refund of the partly spent lot as a partial PG cancel for the exact money.
 * After each test the credit ledger's invariants hold on credit-service's database (balance = sum of the lots'
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
        assertThat(creditJdbc.queryForObject("SELECT COUNT(*) FROM credit_history "
                + "WHERE balance_before + amount <> balance_after", Integer.class)).isZero();
    }

    private static void pgApproves(String key, long amount) {
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key))).willReturn(okJson(
                        "{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount
                                + ",\"approvedAt\":\"" + Instant.now() + "\"}")));
    }

    @Test
    void topUpAndDonateInOneCallThenRefundTheRestAsAPartialCancel() {
        long fan = newId();
        long creator = newId();
        String key = newKey("pk_approve_");
        pgApproves(key, 1999);

        HttpResponse<String> donated = donate(fan, creator, 30, "basic_500", key);

        assertThat(donated.statusCode()).as(donated.body()).isIn(201, 202); // 202 only if the PG took > settle-wait
        String donationId = body(donated).path("id").asString();
        awaitDonation(fan, donationId, "COMPLETED");
        assertThat(creditJdbc.queryForObject("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan))
                .isEqualTo(470);
        assertThat(body(call("GET", "/v1/donations/received", creator, null)).path("total").asLong()).isEqualTo(1);
        Map<String, Object> payment = paymentJdbc().queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key);
        assertThat(((Number) payment.get("amount")).longValue()).isEqualTo(1999);

        // 470 of 500 credits unspent: 19.99 x 470 / 500 = 18.7906 -> 18.79 USD, a partial cancel of 1879 cents
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/" + key + "/cancel")).willReturn(okJson(
                "{\"paymentKey\":\"" + key + "\",\"status\":\"PARTIAL_CANCELED\",\"totalAmount\":1999,"
                        + "\"balanceAmount\":120,\"cancels\":[{\"cancelAmount\":1879}]}")));
        long lot = creditJdbc.queryForObject("SELECT id FROM credit_topups WHERE user_id = ? AND source = 'purchase'",
                Long.class, fan);
        HttpResponse<String> refund = call("POST", "/v1/credits/topups/" + lot + "/refund", fan, "");

        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(202);
        assertThat(body(refund).path("credits").asLong()).isEqualTo(470);
        assertThat(new BigDecimal(body(refund).path("amount").asString())).isEqualByComparingTo("18.79");
        String refundId = body(refund).path("id").asString();
        Await.until("refund " + refundId + " completed", TIMEOUT, () -> "COMPLETED".equals(
                body(call("GET", "/v1/credits/refunds/" + refundId, fan, null)).path("status").asString()));
        assertThat(PG.findAll(postRequestedFor(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .withRequestBody(equalToJson("{\"cancelAmount\":1879}", true, true)))).hasSize(1);
        assertThat(((Number) paymentJdbc().queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key)
                .get("cancelled_amount")).longValue()).isEqualTo(1879);
        assertThat(creditJdbc.queryForObject("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan))
                .isZero();
    }

    @Test
    void aDeclinedTopUpGivesNothing() {
        long fan = newId();
        String key = newKey("pk_decline_");
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key))).willReturn(aResponse()
                        .withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"declined\"}")));

        HttpResponse<String> r = donate(fan, newId(), 10, "starter_100", key);

        assertThat(r.statusCode()).as(r.body()).isIn(402, 202);
        String donationId = body(r).path(r.statusCode() == 402 ? "donation_id" : "id").asString();
        awaitDonation(fan, donationId, "FAILED");
        assertThat(body(call("GET", "/v1/donations/" + donationId, fan, null)).path("failure_code").asString())
                .isEqualTo("PAYMENT_DECLINED");
        assertThat(creditJdbc.queryForList("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan)
                .stream().mapToLong(Long::longValue).sum()).isZero();
    }

    @Test
    void aPgTimeoutIsResolvedByPaymentServiceAndTheDonationCompletesOnce() {
        long fan = newId();
        long creator = newId();
        String key = newKey("pk_slow_");
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key))).willReturn(okJson(
                        "{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":499,\"approvedAt\":\""
                                + Instant.now() + "\"}").withFixedDelay(1_500))); // past payment-service's limit
        PG.stubFor(WireMock.get(urlEqualTo("/v1/payments/" + key))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\"}")));

        HttpResponse<String> r = donate(fan, creator, 60, "starter_100", key);

        assertThat(r.statusCode()).as(r.body()).isIn(201, 202);
        awaitDonation(fan, body(r).path("id").asString(), "COMPLETED");
        assertThat(creditJdbc.queryForObject("SELECT balance FROM credits WHERE user_id = ?", Long.class, fan))
                .isEqualTo(40);
        assertThat(creditJdbc.queryForObject("SELECT COUNT(*) FROM credit_history WHERE user_id = ? "
                + "AND transaction_type = 'donation'", Integer.class, fan)).isEqualTo(1);
        assertThat(paymentJdbc().queryForList("SELECT * FROM payments WHERE pg_payment_id = ?", key)).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private HttpResponse<String> donate(long fan, long creator, long credits, String packageId, String token) {
        return call("POST", "/v1/donations", fan, "{\"creator_id\":\"" + creator + "\",\"credits\":" + credits
                + ",\"message\":\"system test\",\"top_up\":{\"package_id\":\"" + packageId + "\",\"payment_token\":\""
                + token + "\"}}");
    }

    private void awaitDonation(long fan, String id, String status) {
        Await.until("donation " + id + " " + status, TIMEOUT, () -> status.equals(
                body(call("GET", "/v1/donations/" + id, fan, null)).path("status").asString()));
    }

    private HttpResponse<String> call(String method, String path, long user, String json) {
        int port = CREDIT.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TestJwt.user(user))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
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
