package com.creatorcommerce.payment.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.payment.application.PaymentReconciler;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Confirming payments at the PG through payment.commands: every PG behaviour ends in one right, announced state. */
class ConfirmPaymentIT extends PaymentIntegrationTest {

    @Autowired
    PaymentReconciler reconciler;

    private static String done(String key, long amount) {
        return "{\"paymentKey\":\"" + key + "\",\"orderId\":\"x\",\"status\":\"DONE\",\"totalAmount\":" + amount
                + ",\"approvedAt\":\"2026-11-21T10:15:30+09:00\"}";
    }

    private static void confirmAnswers(String key, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder r) {
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(r));
    }

    private static void statusAnswers(String key, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder r) {
        PG.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/payments/" + key))
                .willReturn(r));
    }

    private ConfirmPaymentCommand command(String key, long reference, long user, long amount) {
        return new ConfirmPaymentCommand(key, PaymentPurpose.POINT_CHARGE, reference, user, amount);
    }

    private Map<String, Object> row(String key) {
        return jdbc.queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key);
    }

    private String lastError(String key) {
        List<String> e =
                jdbc.queryForList("SELECT last_error FROM payments WHERE pg_payment_id = ?", String.class, key);
        return e.isEmpty() ? null : e.getFirst();
    }

    private static void assertSameIdempotencyKey(List<LoggedRequest> calls) {
        assertThat(calls).isNotEmpty();
        String first = calls.getFirst().getHeader("Idempotency-Key");
        assertThat(first).isNotBlank();
        assertThat(calls)
                .allSatisfy(c -> assertThat(c.getHeader("Idempotency-Key")).isEqualTo(first));
    }

    @Test
    void anApprovedConfirmRecordsSuccessAndAnswersTheRequesterWithItsCorrelation() {
        String key = newKey("pk_approve_");
        long reference = newId();
        long user = newId();
        confirmAnswers(key, okJson(done(key, 15_000)));

        String commandId = send(PaymentTopics.CONFIRM, key, command(key, reference, user, 15_000), user);

        ConsumerRecord<String, String> reply = awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1)
                .getFirst();
        assertThat(reply.key()).isEqualTo(Long.toString(reference));
        assertThat(TopicRecorder.header(reply, MessageHeaders.CORRELATION_ID)).isEqualTo("saga-" + commandId);
        assertThat(TopicRecorder.header(reply, MessageHeaders.CAUSATION_ID)).isEqualTo(commandId);
        JsonNode body = payload(reply);
        assertThat(body.get("payment_key").asString()).isEqualTo(key);
        assertThat(body.get("purpose").asString()).isEqualTo("POINT_CHARGE");
        assertThat(body.get("reference_id").asString()).isEqualTo(Long.toString(reference));
        assertThat(body.get("amount").asLong()).isEqualTo(15_000);
        assertThat(body.get("approved_at").asString()).isEqualTo("2026-11-21T01:15:30Z");
        awaitMessages(PaymentTopics.EVENTS, PaymentTopics.APPROVED, key, 1);

        Map<String, Object> row = row(key);
        assertThat(row.get("payment_status")).isEqualTo("SUCCESS");
        assertThat(((Number) row.get("approved_amount")).longValue()).isEqualTo(15_000);
        assertThat(((Number) row.get("charge_request_id")).longValue()).isEqualTo(reference);
        assertThat(row.get("paid_at")).isNotNull();
        assertThat(row.get("pg_order_id")).isEqualTo("point-charge-" + reference);
        List<LoggedRequest> calls = confirmCalls(key);
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().getBodyAsString())
                .contains("\"amount\":15000")
                .contains("\"orderId\":\"point-charge-" + reference + "\"");
        assertSameIdempotencyKey(calls);
    }

    @Test
    void aDeclinedConfirmFailsWithThePgCodeWithoutRetrying() {
        String key = newKey("pk_decline_");
        long user = newId();
        confirmAnswers(
                key,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"declined by the issuer\"}"));

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 9_000), user);

        JsonNode reply = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(reply.get("failure_code").asString()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(reply.get("failure_message").asString()).isEqualTo("declined by the issuer");
        assertThat(status(key)).isEqualTo("FAILED");
        assertThat(row(key).get("failure_code")).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(confirmCalls(key)).hasSize(1);
        assertThat(statusCalls(key)).isEmpty();
        assertThat(messages(PaymentTopics.REPLIES, key)).hasSize(1);
    }

    @Test
    void aTimedOutConfirmIsRetriedWithTheSameKeyThenFoundApprovedByTheStatusQuery() {
        String key = newKey("pk_slow_");
        long user = newId();
        confirmAnswers(key, okJson(done(key, 20_000)).withFixedDelay(1_500));
        statusAnswers(
                key,
                okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"approvedAt\":\"" + Instant.now()
                        + "\"}"));

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 20_000), user);

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        assertThat(status(key)).isEqualTo("SUCCESS");
        assertThat(((Number) row(key).get("approved_amount")).longValue()).isEqualTo(20_000);
        List<LoggedRequest> calls = confirmCalls(key);
        assertThat(calls).hasSize(3);
        assertSameIdempotencyKey(calls);
        assertThat(statusCalls(key)).hasSize(1);
        assertThat(paymentRows(key)).isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedWithTheSameKeyAndTheRetryIsApproved() {
        String key = newKey("pk_error_");
        long user = newId();
        String scenario = "retry-" + key;
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("{\"code\":\"FAILED_INTERNAL_SYSTEM_PROCESSING\"}"))
                .willSetStateTo("recovered"));
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .inScenario(scenario)
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(done(key, 5_000))));

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 5_000), user);

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        assertThat(status(key)).isEqualTo("SUCCESS");
        List<LoggedRequest> calls = confirmCalls(key);
        assertThat(calls).hasSize(2);
        assertSameIdempotencyKey(calls);
        assertThat(statusCalls(key))
                .as("a definite answer needs no status query")
                .isEmpty();
    }

    @Test
    void aConnectionResetIsAnUnknownOutcomeResolvedByTheStatusQuery() {
        String key = newKey("pk_reset_");
        long user = newId();
        confirmAnswers(key, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":7000}"));

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 7_000), user);

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        assertThat(status(key)).isEqualTo("SUCCESS");
        assertSameIdempotencyKey(confirmCalls(key));
        assertThat(confirmCalls(key)).hasSize(3);
        assertThat(statusCalls(key)).hasSize(1);
    }

    @Test
    void anOutcomeThatStaysUnknownIsLeftPendingThenSettledByTheReconciliationJob() {
        String key = newKey("pk_error_");
        long user = newId();
        confirmAnswers(key, aResponse().withStatus(503));
        statusAnswers(key, aResponse().withStatus(502));

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 3_000), user);

        Await.until(
                "the status query after the retries",
                TIMEOUT,
                () -> !statusCalls(key).isEmpty());
        Await.until("the unknown outcome recorded", TIMEOUT, () -> lastError(key) != null);
        assertThat(status(key)).isEqualTo("PENDING");
        assertThat(messages(PaymentTopics.REPLIES, key))
                .as("nothing is guessed")
                .isEmpty();

        // the PG recovers: the job asks for the status, which says the payment was approved after all
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\"}"));
        PaymentReconciler.Report report = reconciler.reconcile(Instant.now().plusSeconds(1));

        assertThat(report.payments()).isGreaterThanOrEqualTo(1);
        assertThat(status(key)).isEqualTo("SUCCESS");
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        reconciler.reconcile(Instant.now().plusSeconds(1));
        assertThat(confirmCalls(key))
                .as("the job asked, it did not confirm again")
                .hasSize(3);
        awaitMessages(PaymentTopics.EVENTS, PaymentTopics.APPROVED, key, 1);
        assertThat(messages(PaymentTopics.REPLIES, key)).hasSize(1);
    }

    @Test
    void everyPgOutcomeIsCountedOnTheManagementPortsPrometheusPage() {
        double approved = pgOutcomes("approved");
        double declined = pgOutcomes("declined");
        double unknown = pgOutcomes("unknown");
        double reconciled = pgOutcomes("reconciled");
        String approvedKey = newKey("pk_meter_ok_");
        String declinedKey = newKey("pk_meter_no_");
        String unknownKey = newKey("pk_meter_unknown_");
        long user = newId();
        confirmAnswers(approvedKey, okJson(done(approvedKey, 1_000)));
        confirmAnswers(
                declinedKey,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"declined\"}"));
        confirmAnswers(unknownKey, aResponse().withStatus(503));
        statusAnswers(unknownKey, aResponse().withStatus(502));

        send(PaymentTopics.CONFIRM, approvedKey, command(approvedKey, newId(), user, 1_000), user);
        send(PaymentTopics.CONFIRM, declinedKey, command(declinedKey, newId(), user, 1_000), user);
        send(PaymentTopics.CONFIRM, unknownKey, command(unknownKey, newId(), user, 1_000), user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, approvedKey, 1);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, declinedKey, 1);
        Await.until("the unknown outcome recorded", TIMEOUT, () -> lastError(unknownKey) != null);
        statusAnswers(unknownKey, okJson("{\"paymentKey\":\"" + unknownKey + "\",\"status\":\"DONE\"}"));
        reconciler.reconcile(Instant.now().plusSeconds(1));
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, unknownKey, 1);

        // other tests' payments may be settled by the same job run: at least ours are counted
        Await.until(
                "the outcomes counted",
                TIMEOUT,
                () -> pgOutcomes("approved") >= approved + 1
                        && pgOutcomes("declined") >= declined + 1
                        && pgOutcomes("unknown") >= unknown + 1
                        && pgOutcomes("reconciled") >= reconciled + 1);
    }

    private double pgOutcomes(String outcome) {
        return prometheusCounter("payment_pg_outcomes_total", "outcome", outcome);
    }

    @Test
    void theReconciliationJobConfirmsAgainWithTheSameKeyWhenThePgNeverSawThePayment() {
        String key = newKey("pk_lost_");
        long user = newId();
        confirmAnswers(key, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        statusAnswers(
                key,
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"no such payment\"}"));

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 4_000), user);
        Await.until("the unknown outcome recorded", TIMEOUT, () -> lastError(key) != null);
        assertThat(status(key)).isEqualTo("PENDING");

        confirmAnswers(key, okJson(done(key, 4_000)));
        reconciler.reconcile(Instant.now().plusSeconds(1));

        assertThat(status(key)).isEqualTo("SUCCESS");
        List<LoggedRequest> calls = confirmCalls(key);
        assertThat(calls).hasSize(4);
        assertSameIdempotencyKey(calls);
        assertThat(((Number) row(key).get("confirm_attempts")).intValue()).isEqualTo(2);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
    }

    @Test
    void theSameConfirmSentTwiceChargesOnceAndBothAreAnswered() {
        String key = newKey("pk_approve_");
        long reference = newId();
        long user = newId();
        confirmAnswers(key, okJson(done(key, 12_000)));

        send(PaymentTopics.CONFIRM, key, command(key, reference, user, 12_000), user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        send(PaymentTopics.CONFIRM, key, command(key, reference, user, 12_000), user);

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 2);
        assertThat(paymentRows(key)).isEqualTo(1);
        assertThat(confirmCalls(key)).hasSize(1);
        assertThat(messages(PaymentTopics.EVENTS, key))
                .as("one payment, one event")
                .hasSize(1);
    }

    @Test
    void aRedeliveredConfirmHasNoSecondEffect() {
        String key = newKey("pk_approve_");
        long user = newId();
        confirmAnswers(key, okJson(done(key, 8_000)));
        ConfirmPaymentCommand cmd = command(key, newId(), user, 8_000);

        send(PaymentTopics.CONFIRM, key, cmd, "dup-" + key, user);
        send(PaymentTopics.CONFIRM, key, cmd, "dup-" + key, user);
        // a later command on the same key (same partition): once it is answered, both copies were consumed
        send(
                PaymentTopics.CANCEL,
                key,
                new com.creatorcommerce.contracts.payment.CancelPaymentCommand(key, "sentinel", 1_000_000L, "sentinel"),
                user);

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.CANCEL_FAILED, key, 1);
        assertThat(paymentRows(key)).isEqualTo(1);
        assertThat(confirmCalls(key)).hasSize(1);
        assertThat(RECORDER.records(r -> r.topic().equals(PaymentTopics.REPLIES)
                        && r.value().contains(key)
                        && PaymentTopics.APPROVED.equals(TopicRecorder.header(r, MessageHeaders.TYPE))))
                .hasSize(1);
        assertThat(messages(PaymentTopics.EVENTS, key)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_message WHERE message_id = ?", Integer.class, "dup-" + key))
                .isEqualTo(1);
    }

    @Test
    void anApprovalForAnotherAmountFailsThePaymentAndCancelsTheApprovalAtThePg() {
        String key = newKey("pk_mismatch_");
        long user = newId();
        confirmAnswers(key, okJson(done(key, 10_001)));
        PG.stubFor(post(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"CANCELED\",\"canceledAt\":\""
                        + Instant.now() + "\"}")));

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 10_000), user);

        JsonNode reply = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(reply.get("failure_code").asString()).isEqualTo("AMOUNT_MISMATCH");
        awaitMessages(PaymentTopics.EVENTS, PaymentTopics.CANCELLED, key, 1);
        Map<String, Object> row = row(key);
        assertThat(row.get("payment_status")).isEqualTo("FAILED");
        assertThat(((Number) row.get("approved_amount")).longValue()).isEqualTo(10_001);
        assertThat(((Number) row.get("cancelled_amount")).longValue()).isEqualTo(10_001);
        assertThat(cancelCalls(key)).hasSize(1);
        assertThat(cancelCalls(key).getFirst().getBodyAsString()).doesNotContain("cancelAmount");
        assertThat(jdbc.queryForObject("""
                SELECT status FROM payment_cancellations c JOIN payments p ON p.payment_id = c.payment_id
                WHERE p.pg_payment_id = ?""", String.class, key)).isEqualTo("DONE");
        assertThat(messages(PaymentTopics.REPLIES, key))
                .as("the requester hears one failure, no cancel")
                .hasSize(1);
    }

    @Test
    void aPaymentKeyOfAnotherPaymentIsRefusedAndTheOtherPaymentIsUntouched() {
        String key = newKey("pk_approve_");
        long user = newId();
        long otherReference = newId();
        confirmAnswers(key, okJson(done(key, 6_000)));
        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 6_000), user);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);

        send(PaymentTopics.CONFIRM, key, command(key, otherReference, user, 6_000), user);

        ConsumerRecord<String, String> refused = awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst();
        assertThat(refused.key()).isEqualTo(Long.toString(otherReference));
        assertThat(payload(refused).get("failure_code").asString()).isEqualTo("PAYMENT_KEY_CONFLICT");
        assertThat(payload(refused).get("payment_id").isNull()).isTrue();
        assertThat(paymentRows(key)).isEqualTo(1);
        assertThat(status(key)).isEqualTo("SUCCESS");
        assertThat(confirmCalls(key)).hasSize(1);
    }

    @Test
    void anInvalidCommandIsRefusedWithoutAPaymentOrAPgCall() {
        String key = newKey("pk_approve_");
        long user = newId();

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 0), user);

        JsonNode reply = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(reply.get("failure_code").asString()).isEqualTo("INVALID_COMMAND");
        assertThat(paymentRows(key)).isZero();
        assertThat(confirmCalls(key)).isEmpty();
    }

    @Test
    void aCommandWithAMalformedCurrencyIsRefusedNeverTakenAsKrw() {
        String key = newKey("pk_approve_");
        long user = newId();
        confirmAnswers(key, okJson(done(key, 1_999)));

        send(
                PaymentTopics.CONFIRM,
                key,
                new ConfirmPaymentCommand(key, PaymentPurpose.CREDIT_TOPUP, newId(), user, 1_999, "usd"),
                user);

        JsonNode reply = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(reply.get("failure_code").asString()).isEqualTo("INVALID_COMMAND");
        assertThat(reply.get("failure_message").asString()).contains("currency");
        assertThat(paymentRows(key)).isZero();
        assertThat(confirmCalls(key)).isEmpty();
    }

    @Test
    void aPaymentThePgReportsAbortedFails() {
        String key = newKey("pk_abort_");
        long user = newId();
        confirmAnswers(key, aResponse().withStatus(500));
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"ABORTED\"}"));

        send(PaymentTopics.CONFIRM, key, command(key, newId(), user, 2_000), user);

        JsonNode reply = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(reply.get("failure_code").asString()).isEqualTo("PG_ABORTED");
        assertThat(status(key)).isEqualTo("FAILED");
    }
}
