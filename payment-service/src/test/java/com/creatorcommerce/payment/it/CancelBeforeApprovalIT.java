package com.creatorcommerce.payment.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A cancel that comes before its payment is approved (a saga compensating a confirm still in flight, or sending the
 * confirm again after the cancel): the payment key is closed, no later confirm of it is approved or left charged, and
 * both commands are answered (the confirm FAILED with PAYMENT_CANCELLED, the cancel CANCELLED).
 */
class CancelBeforeApprovalIT extends PaymentIntegrationTest {

    @Autowired
    PaymentReconciler reconciler;

    @AfterEach
    void invariants() {
        assertPaymentInvariants();
    }

    private static void confirmAnswers(String key, ResponseDefinitionBuilder r) {
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(r));
    }

    private static void statusAnswers(String key, ResponseDefinitionBuilder r) {
        PG.stubFor(get(urlEqualTo("/v1/payments/" + key)).willReturn(r));
    }

    private static void cancelAnswers(String key) {
        PG.stubFor(post(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"CANCELED\",\"canceledAt\":\""
                        + Instant.now() + "\"}")));
    }

    private static ConfirmPaymentCommand confirm(String key, long reference, long user, long amount) {
        return new ConfirmPaymentCommand(key, PaymentPurpose.ORDER_CHARGE, reference, user, amount);
    }

    private Map<String, Object> row(String key) {
        return jdbc.queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key);
    }

    private int tombstones(String key) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM payment_tombstones WHERE pg_payment_id = ?", Integer.class, key);
    }

    private List<ConsumerRecord<String, String>> replies(String type, String containing) {
        return RECORDER.records(r -> r.topic().equals(PaymentTopics.REPLIES)
                && r.value().contains(containing)
                && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE)));
    }

    /** A confirm left PENDING: the PG answered 503 to every try and its status query failed too. */
    private void pendingPayment(String key, long reference, long user, long amount) {
        confirmAnswers(key, aResponse().withStatus(503));
        statusAnswers(key, aResponse().withStatus(502));
        send(PaymentTopics.CONFIRM, key, confirm(key, reference, user, amount), user);
        Await.until(
                "the unknown outcome recorded",
                TIMEOUT,
                () -> paymentRows(key) == 1 && row(key).get("last_error") != null);
        assertThat(status(key)).isEqualTo("PENDING");
    }

    @Test
    void aCancelBeforeTheConfirmIsAnsweredAtOnceAndTheConfirmIsRefusedWithoutAPgCall() {
        String key = newKey("pk_early_");
        long user = newId();
        long order = newId();
        confirmAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":5000}"));

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "early-" + key, null, "order failed"), user);
        JsonNode cancelled = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "early-" + key, 1)
                .getFirst());
        assertThat(cancelled.get("cancel_amount").asLong()).isZero();
        assertThat(cancelled.get("remaining_amount").asLong()).isZero();
        assertThat(tombstones(key)).isEqualTo(1);

        send(PaymentTopics.CONFIRM, key, confirm(key, order, user, 5_000), user);
        JsonNode failed = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(failed.get("failure_code").asString()).isEqualTo("PAYMENT_CANCELLED");
        assertThat(failed.get("reference_id").asString()).isEqualTo(Long.toString(order));

        // the same cancel again: the same answer; the confirm again: refused again
        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "early-" + key, null, "order failed"), user);
        send(PaymentTopics.CONFIRM, key, confirm(key, order, user, 5_000), user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "early-" + key, 2);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 2);

        assertThat(confirmCalls(key)).isEmpty();
        assertThat(paymentRows(key)).isZero();
        assertThat(replies(PaymentTopics.APPROVED, key)).isEmpty();
        assertThat(tombstones(key)).isEqualTo(1);
    }

    @Test
    void aCancelWhileTheConfirmIsAtThePgWaitsForItsOutcomeAndAnApprovalIsCancelledAtThePg() {
        String key = newKey("pk_inflight_");
        long user = newId();
        pendingPayment(key, newId(), user, 3_000);

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "late-" + key, null, "order failed"), user);
        Await.until("the tombstone", TIMEOUT, () -> tombstones(key) == 1);
        assertThat(status(key)).isEqualTo("PENDING");

        // the PG approved after all: the payment fails, and the approval is cancelled with the requester's cancel
        cancelAnswers(key);
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":3000}"));
        reconciler.reconcile(Instant.now().plusSeconds(1));

        JsonNode failed = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(failed.get("failure_code").asString()).isEqualTo("PAYMENT_CANCELLED");
        JsonNode cancelled = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "late-" + key, 1)
                .getFirst());
        assertThat(cancelled.get("cancel_amount").asLong()).isEqualTo(3_000);
        assertThat(cancelled.get("remaining_amount").asLong()).isZero();
        RECORDER.await(
                r -> r.topic().equals(PaymentTopics.REPLIES)
                        && r.value().contains("late-" + key)
                        && TopicRecorder.header(r, MessageHeaders.CORRELATION_ID) != null
                        && TopicRecorder.header(r, MessageHeaders.CORRELATION_ID)
                                .startsWith("saga-"),
                1,
                TIMEOUT);
        assertThat(status(key)).isEqualTo("FAILED");
        assertThat(((Number) row(key).get("approved_amount")).longValue()).isEqualTo(3_000);
        assertThat(((Number) row(key).get("cancelled_amount")).longValue()).isEqualTo(3_000);
        assertThat(cancelCalls(key)).hasSize(1);

        // the confirm sent again after all this: refused, never approved, nothing sent to the PG
        int confirms = confirmCalls(key).size();
        send(
                PaymentTopics.CONFIRM,
                key,
                confirm(key, ((Number) row(key).get("reference_id")).longValue(), user, 3_000),
                user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 2);
        assertThat(confirmCalls(key)).hasSize(confirms);
        assertThat(replies(PaymentTopics.APPROVED, key)).isEmpty();
        assertThat(replies(PaymentTopics.CANCELLED, "late-" + key)).hasSize(1);
    }

    @Test
    void aCancelWhileTheConfirmIsAtThePgIsAnsweredWithNothingHeldWhenThePgDeclines() {
        String key = newKey("pk_declined_");
        long user = newId();
        pendingPayment(key, newId(), user, 2_000);

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "gone-" + key, null, "order failed"), user);
        Await.until("the tombstone", TIMEOUT, () -> tombstones(key) == 1);
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"ABORTED\"}"));
        reconciler.reconcile(Instant.now().plusSeconds(1));

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1);
        JsonNode cancelled = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "gone-" + key, 1)
                .getFirst());
        assertThat(cancelled.get("cancel_amount").asLong()).isZero();
        assertThat(status(key)).isEqualTo("FAILED");
        assertThat(cancelCalls(key)).isEmpty();
    }

    @Test
    void aPendingPaymentCancelledBeforeItsConfirmIsSentAgainFailsWithoutAnotherPgCall() {
        String key = newKey("pk_unsent_");
        long user = newId();
        confirmAnswers(key, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        statusAnswers(
                key,
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"no such payment\"}"));
        send(PaymentTopics.CONFIRM, key, confirm(key, newId(), user, 4_000), user);
        Await.until(
                "the unknown outcome recorded",
                TIMEOUT,
                () -> paymentRows(key) == 1 && row(key).get("last_error") != null);
        int confirms = confirmCalls(key).size();

        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "stop-" + key, null, "order failed"), user);
        Await.until("the tombstone", TIMEOUT, () -> tombstones(key) == 1);
        // the job would confirm again (the PG never saw it): the tombstone stops it
        confirmAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":4000}"));
        reconciler.reconcile(Instant.now().plusSeconds(1));

        JsonNode failed = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(failed.get("failure_code").asString()).isEqualTo("PAYMENT_CANCELLED");
        JsonNode cancelled = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "stop-" + key, 1)
                .getFirst());
        assertThat(cancelled.get("cancel_amount").asLong()).isZero();
        assertThat(confirmCalls(key)).hasSize(confirms);
        assertThat(status(key)).isEqualTo("FAILED");
        assertThat(row(key).get("approved_amount")).isNull();
    }

    @Test
    void aConfirmSentAgainAfterItsPaymentWasApprovedThenCancelledIsAnsweredFailed() {
        String key = newKey("pk_undone_");
        long user = newId();
        long order = newId();
        confirmAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":7000}"));
        cancelAnswers(key);
        send(PaymentTopics.CONFIRM, key, confirm(key, order, user, 7_000), user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        send(PaymentTopics.CANCEL, key, new CancelPaymentCommand(key, "undo-" + key, null, "order failed"), user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCELLED, "undo-" + key, 1);

        send(PaymentTopics.CONFIRM, key, confirm(key, order, user, 7_000), user);

        JsonNode failed = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(failed.get("failure_code").asString()).isEqualTo("PAYMENT_CANCELLED");
        assertThat(confirmCalls(key)).hasSize(1);
        assertThat(replies(PaymentTopics.APPROVED, key)).hasSize(1);
        assertThat(status(key)).isEqualTo("CANCELLED");
    }
}
