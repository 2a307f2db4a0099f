package com.creatorcommerce.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.credit.CreditServiceApplication;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.ServiceInThisJvm;
import com.creatorcommerce.platform.test.TestJwt;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Buying credits across the real services: credit-service asks payment-service (over the broker) to confirm the
 * payment token at the PG (WireMock), and adds the package's credits once the payment is approved. Each case checks
 * the purchase, the wallet, exactly one payment row, and seed 000's integrity queries on credit-service's database.
 */
class CreditPurchaseIT extends PointAndPaymentSystemTest {

    private static final ConfigurableApplicationContext CREDIT = ServiceInThisJvm.start(CreditServiceApplication.class);

    private final JdbcTemplate creditJdbc = CREDIT.getBean(JdbcTemplate.class);

    @AfterEach
    void creditLedgerHolds() {
        assertThat(creditJdbc.queryForList("""
                SELECT c.user_id, c.balance, COALESCE(SUM(h.amount), 0) FROM credits c
                LEFT JOIN credit_history h ON c.user_id = h.user_id
                GROUP BY c.user_id, c.balance HAVING c.balance != COALESCE(SUM(h.amount), 0)""")).isEmpty();
        assertThat(creditJdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_history " + "WHERE balance_before + amount <> balance_after",
                        Integer.class))
                .isZero();
    }

    private static void confirmAnswers(String key, ResponseDefinitionBuilder response) {
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(response));
    }

    private static String done(String key, long amount) {
        return "{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount + ",\"approvedAt\":\""
                + Instant.now() + "\"}";
    }

    @Test
    void anApprovedPaymentBuysThePackageOnceForItsPriceInCents() {
        long user = newId();
        String key = newKey("pk_approve_");
        confirmAnswers(key, okJson(done(key, 1999)));

        HttpResponse<String> bought = purchase(user, "basic_500", key);

        assertThat(bought.statusCode()).as(bought.body()).isIn(200, 202); // 202 only if the PG took > settle-wait
        String purchaseId = body(bought).path("purchase_id").asString();
        JsonNode done = awaitPurchase(user, purchaseId, "COMPLETED");
        assertThat(done.path("new_balance").asLong()).isEqualTo(500);
        assertThat(credits(user)).isEqualTo(500);
        Map<String, Object> payment = onlyPayment(key);
        assertThat(payment.get("purpose")).isEqualTo("CREDIT_TOPUP");
        assertThat(payment.get("payment_status")).isEqualTo("SUCCESS");
        assertThat(((Number) payment.get("amount")).longValue())
                .as("19.99 USD in cents")
                .isEqualTo(1999);
        assertThat(payment.get("currency"))
                .as("payment-service recorded the price's currency, not the KRW default")
                .isEqualTo("USD");
        assertThat(((Number) payment.get("reference_id")).toString()).isEqualTo(purchaseId);
        assertThat(PG.findAll(postRequestedFor(urlEqualTo("/v1/payments/confirm"))
                        .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))))
                .hasSize(1);
        // the same token again: the same purchase, nothing more charged or credited
        HttpResponse<String> again = purchase(user, "basic_500", key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).path("purchase_id").asString()).isEqualTo(purchaseId);
        assertThat(credits(user)).isEqualTo(500);
        assertThat(payments(key)).hasSize(1);
    }

    @Test
    void aDeclinedPaymentIs402AndCreditsNothing() {
        long user = newId();
        String key = newKey("pk_decline_");
        confirmAnswers(
                key,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"The card issuer declined the payment\"}"));

        HttpResponse<String> first = purchase(user, "starter_100", key);
        assertThat(first.statusCode()).as(first.body()).isIn(402, 202);
        String purchaseId = body(first).path("purchase_id").asString(); // in the 402 problem and in the 202
        awaitPurchase(user, purchaseId, "FAILED");

        HttpResponse<String> declined = purchase(user, "starter_100", key);
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(402);
        assertThat(declined.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(declined).path("code").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(body(declined).path("failure_code").asString()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(credits(user)).isZero();
        assertThat(onlyPayment(key).get("payment_status")).isEqualTo("FAILED");
    }

    @Test
    void aPgTimeoutIsResolvedByPaymentServiceAndTheCreditsArriveOnce() {
        long user = newId();
        String key = newKey("pk_slow_");
        confirmAnswers(key, okJson(done(key, 6999)).withFixedDelay(1_500)); // past the 400 ms time limit
        PG.stubFor(WireMock.get(urlEqualTo("/v1/payments/" + key))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\"}")));

        HttpResponse<String> started = purchase(user, "pro_2000", key);

        assertThat(started.statusCode()).as(started.body()).isIn(200, 202);
        String purchaseId = body(started).path("purchase_id").asString();
        awaitPurchase(user, purchaseId, "COMPLETED");
        assertThat(credits(user)).isEqualTo(2000);
        assertThat(creditJdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_history WHERE user_id = ?", Integer.class, user))
                .isEqualTo(1);
        assertThat(onlyPayment(key).get("payment_status")).isEqualTo("SUCCESS");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private HttpResponse<String> purchase(long user, String packageId, String key) {
        return call(
                "POST",
                "/v1/credits/purchase",
                user,
                "{\"package_id\":\"" + packageId + "\",\"payment_method\":\"card\",\"payment_token\":\"" + key + "\"}");
    }

    private JsonNode awaitPurchase(long user, String purchaseId, String status) {
        Await.until(
                "purchase " + purchaseId + " " + status,
                TIMEOUT,
                () -> status.equals(body(call("GET", "/v1/credits/purchases/" + purchaseId, user, null))
                        .path("status")
                        .asString()));
        return body(call("GET", "/v1/credits/purchases/" + purchaseId, user, null));
    }

    private long credits(long user) {
        List<Long> b = creditJdbc.queryForList("SELECT balance FROM credits WHERE user_id = ?", Long.class, user);
        return b.isEmpty() ? 0 : b.getFirst();
    }

    private List<Map<String, Object>> payments(String key) {
        return paymentJdbc().queryForList("SELECT * FROM payments WHERE pg_payment_id = ?", key);
    }

    private Map<String, Object> onlyPayment(String key) {
        List<Map<String, Object>> rows = payments(key);
        assertThat(rows).as("exactly one payment row for " + key).hasSize(1);
        return rows.getFirst();
    }

    private HttpResponse<String> call(String method, String path, long user, String json) {
        int port = CREDIT.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestJwt.user(user))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
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
