package com.creatorcommerce.payment.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.platform.test.TestJwt;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/payments and /v1/payments/{id}: owners only, paged, ids as strings. */
class PaymentApiIT extends PaymentIntegrationTest {

    private String approved(long user, long amount) {
        String key = newKey("pk_approve_");
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(
                        okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount + "}")));
        send(
                PaymentTopics.CONFIRM,
                key,
                new ConfirmPaymentCommand(key, PaymentPurpose.POINT_CHARGE, newId(), user, amount),
                user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        return key;
    }

    /** Confirms {@code payload} (a command, or a raw map as an older producer writes it) and waits for the approval. */
    private String approvedAs(String key, long amount, Object payload, long user) {
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(
                        okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount + "}")));
        send(PaymentTopics.CONFIRM, key, payload, user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        return key;
    }

    private long idOf(String key) {
        return jdbc.queryForObject("SELECT payment_id FROM payments WHERE pg_payment_id = ?", Long.class, key);
    }

    @Test
    void ownersListTheirPaymentsNewestFirstInPages() {
        long user = newId();
        String older = approved(user, 1_000);
        String newer = approved(user, 2_000);
        approved(newId(), 3_000); // someone else's

        HttpResponse<String> page1 = getApi("/v1/payments?page=1&page_size=1", TestJwt.user(user));
        HttpResponse<String> page2 = getApi("/v1/payments?page=2&page_size=1", TestJwt.user(user));

        assertThat(page1.statusCode()).isEqualTo(200);
        JsonNode first = json.readTree(page1.body());
        assertThat(first.get("total").asLong()).isEqualTo(2);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("page_size").asInt()).isEqualTo(1);
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).get("payment_key").asString()).isEqualTo(newer);
        assertThat(first.get("items").get(0).get("id").isString()).isTrue();
        assertThat(first.get("items").get(0).get("status").asString()).isEqualTo("SUCCESS");
        JsonNode second = json.readTree(page2.body());
        assertThat(second.get("items").get(0).get("payment_key").asString()).isEqualTo(older);
        assertThat(second.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void anOwnerReadsAPaymentAndAnotherUserGets404() {
        long owner = newId();
        String key = approved(owner, 4_500);
        long id = idOf(key);

        HttpResponse<String> mine = getApi("/v1/payments/" + id, TestJwt.user(owner));
        HttpResponse<String> theirs = getApi("/v1/payments/" + id, TestJwt.user(newId()));

        assertThat(mine.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(mine.body());
        assertThat(body.get("id").asString()).isEqualTo(Long.toString(id));
        assertThat(body.get("amount").asLong()).isEqualTo(4_500);
        assertThat(body.get("currency").asString()).isEqualTo("KRW");
        assertThat(body.get("purpose").asString()).isEqualTo("POINT_CHARGE");
        assertThat(body.get("cancellations").isArray()).isTrue();
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(theirs.body()).get("code").asString()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void aConfirmInUsdIsStoredAndShownInUsd() {
        long user = newId();
        String key = newKey("pk_approve_");
        approvedAs(
                key,
                1_999,
                new ConfirmPaymentCommand(key, PaymentPurpose.CREDIT_TOPUP, newId(), user, 1_999, "USD"),
                user);

        assertThat(jdbc.queryForObject("SELECT currency FROM payments WHERE pg_payment_id = ?", String.class, key))
                .isEqualTo("USD");
        JsonNode one = json.readTree(
                getApi("/v1/payments/" + idOf(key), TestJwt.user(user)).body());
        assertThat(one.get("amount").asLong()).isEqualTo(1_999);
        assertThat(one.get("currency").asString()).isEqualTo("USD");
        JsonNode listed =
                json.readTree(getApi("/v1/payments", TestJwt.user(user)).body());
        assertThat(listed.get("items").get(0).get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void aCommandWithoutCurrencyFromAnOlderProducerIsKrw() {
        long user = newId();
        String key = newKey("pk_approve_");
        Map<String, Object> older = new LinkedHashMap<>();
        older.put("payment_key", key);
        older.put("purpose", "POINT_CHARGE");
        older.put("reference_id", Long.toString(newId()));
        older.put("user_id", Long.toString(user));
        older.put("amount", 5_000);
        approvedAs(key, 5_000, older, user);

        assertThat(jdbc.queryForObject("SELECT currency FROM payments WHERE pg_payment_id = ?", String.class, key))
                .isEqualTo("KRW");
        JsonNode one = json.readTree(
                getApi("/v1/payments/" + idOf(key), TestJwt.user(user)).body());
        assertThat(one.get("amount").asLong()).isEqualTo(5_000);
        assertThat(one.get("currency").asString()).isEqualTo("KRW");
    }

    @Test
    void badPagingIsA400Problem() {
        HttpResponse<String> response = getApi("/v1/payments?page=0&page_size=1000", TestJwt.user(newId()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
