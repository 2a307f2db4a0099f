package com.creatorcommerce.payment.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.payment.application.PaymentReconciler;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Full and partial cancels of approved payments through payment.commands. */
class CancelPaymentIT extends PaymentIntegrationTest {

    @Autowired
    PaymentReconciler reconciler;

    private String approvedPayment(long amount, long reference, long user) {
        String key = newKey("pk_approve_");
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount
                        + ",\"approvedAt\":\"" + Instant.now() + "\"}")));
        PG.stubFor(post(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"CANCELED\",\"canceledAt\":\""
                        + Instant.now() + "\"}")));
        send(
                PaymentTopics.CONFIRM,
                key,
                new ConfirmPaymentCommand(key, PaymentPurpose.CREDIT_TOPUP, reference, user, amount),
                user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        return key;
    }

    private Map<String, Object> row(String key) {
        return jdbc.queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key);
    }

    private long cancelled(String key) {
        return ((Number) row(key).get("cancelled_amount")).longValue();
    }

    private long typed(String key, String type) {
        return RECORDER.records(r -> r.topic().equals(PaymentTopics.REPLIES)
                        && r.value().contains(key)
                        && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE)))
                .size();
    }

    @Test
    void aPartialThenAFullCancelLeaveNothingCancellableAndEachRequestIsAnsweredOnce() {
        long reference = newId();
        long user = newId();
        String key = approvedPayment(10_000, reference, user);

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "refund-1", 3_000L, "partial refund"), user);
        JsonNode first = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "refund-1", 1)
                .getFirst());
        assertThat(first.get("cancel_amount").asLong()).isEqualTo(3_000);
        assertThat(first.get("remaining_amount").asLong()).isEqualTo(7_000);
        assertThat(row(key).get("payment_status")).isEqualTo("PARTIALLY_CANCELLED");

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "refund-2", null, "the rest"), user);
        JsonNode second = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "refund-2", 1)
                .getFirst());
        assertThat(second.get("cancel_amount").asLong()).isEqualTo(7_000);
        assertThat(second.get("remaining_amount").asLong()).isZero();
        assertThat(row(key).get("payment_status")).isEqualTo("CANCELLED");
        assertThat(cancelled(key)).isEqualTo(10_000);

        // the same cancel request again: the first answer again, nothing cancelled at the PG
        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "refund-1", 3_000L, "partial refund"), user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "refund-1", 2);
        // and more than is left is refused
        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "refund-3", 1L, "too much"), user);
        JsonNode refused = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCEL_FAILED, "refund-3", 1)
                .getFirst());
        assertThat(refused.get("failure_code").asString()).isEqualTo("NOT_CANCELLABLE");

        assertThat(cancelCalls(key)).hasSize(2);
        assertThat(cancelCalls(key))
                .extracting(r -> r.getBodyAsString())
                .containsExactlyInAnyOrder(
                        "{\"cancelReason\":\"partial refund\",\"cancelAmount\":3000}",
                        "{\"cancelReason\":\"the rest\",\"cancelAmount\":7000}");
        assertThat(cancelled(key)).isEqualTo(10_000);
        assertThat(jdbc.queryForObject("""
                SELECT SUM(cancel_amount) FROM payment_cancellations c JOIN payments p ON p.payment_id = c.payment_id
                WHERE p.pg_payment_id = ? AND c.status = 'DONE'""", Long.class, key)).isEqualTo(10_000);
        awaitMessages(PaymentTopics.EVENTS, PaymentTopics.CANCELLED, key, 2);
    }

    @Test
    void aFullCancelIsSentWithoutAnAmount() {
        long user = newId();
        String key = approvedPayment(4_000, newId(), user);

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "cancel-all", null, "order cancelled"), user);

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "cancel-all", 1);
        assertThat(cancelCalls(key)).hasSize(1);
        assertThat(cancelCalls(key).getFirst().getBodyAsString()).isEqualTo("{\"cancelReason\":\"order cancelled\"}");
        assertThat(cancelCalls(key).getFirst().getHeader("Idempotency-Key")).startsWith("payment-cancellation-");
        assertThat(row(key).get("payment_status")).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingMoreThanWasApprovedIsRefusedAndNothingIsSent() {
        long user = newId();
        String key = approvedPayment(4_000, newId(), user);

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "too-much", 4_001L, "x"), user);

        JsonNode refused = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCEL_FAILED, "too-much", 1)
                .getFirst());
        assertThat(refused.get("failure_code").asString()).isEqualTo("CANCEL_AMOUNT_EXCEEDED");
        assertThat(cancelCalls(key)).isEmpty();
        assertThat(row(key).get("payment_status")).isEqualTo("SUCCESS");
        assertThat(cancelled(key)).isZero();
    }

    @Test
    void aPgRefusalFailsTheCancelAndKeepsThePaymentApproved() {
        long user = newId();
        String key = approvedPayment(5_000, newId(), user);
        PG.stubFor(post(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"FORBIDDEN_REQUEST\",\"message\":\"not allowed\"}")));

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "refused", 1_000L, "x"), user);

        JsonNode failed = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCEL_FAILED, "refused", 1)
                .getFirst());
        assertThat(failed.get("failure_code").asString()).isEqualTo("FORBIDDEN_REQUEST");
        assertThat(row(key).get("payment_status")).isEqualTo("SUCCESS");
        assertThat(cancelled(key)).isZero();
        assertThat(typed(key, PaymentTopics.CANCELLED)).isZero();
    }

    @Test
    void aCancelWithAnUnknownOutcomeIsSentAgainWithTheSameKeyByTheReconciliationJob() {
        long user = newId();
        String key = approvedPayment(6_000, newId(), user);
        PG.stubFor(post(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "flaky", 2_000L, "x"), user);
        Await.until("three attempts", TIMEOUT, () -> cancelCalls(key).size() == 3);
        Await.until("the unknown outcome recorded", TIMEOUT, () -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM payment_cancellations c JOIN payments p ON p.payment_id = c.payment_id
                WHERE p.pg_payment_id = ? AND c.last_error IS NOT NULL""", Integer.class, key) == 1);
        assertThat(cancelled(key)).isZero();

        PG.stubFor(post(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .willReturn(okJson(
                        "{\"paymentKey\":\"" + key + "\",\"status\":\"PARTIAL_CANCELED\",\"cancelAmount\":2000}")));
        reconciler.reconcile(Instant.now().plusSeconds(1));

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "flaky", 1);
        assertThat(cancelled(key)).isEqualTo(2_000);
        assertThat(row(key).get("payment_status")).isEqualTo("PARTIALLY_CANCELLED");
        assertThat(cancelCalls(key)).hasSize(4);
        String idempotencyKey = cancelCalls(key).getFirst().getHeader("Idempotency-Key");
        assertThat(cancelCalls(key))
                .allSatisfy(c -> assertThat(c.getHeader("Idempotency-Key")).isEqualTo(idempotencyKey));
    }
}
