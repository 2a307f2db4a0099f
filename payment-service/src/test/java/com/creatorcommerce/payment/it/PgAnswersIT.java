package com.creatorcommerce.payment.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * PG answers that are neither a plain approval nor a plain decline: a 409 "already processing" to our own same-key
 * retry, a 4xx nobody can read, a payment the PG reports (partly) cancelled while we wait for it. Each ends in the
 * PG's real final state, with every amount the PG holds either approved here or given back.
 */
class PgAnswersIT extends PaymentIntegrationTest {

    @Autowired
    PaymentReconciler reconciler;

    @AfterEach
    void paymentInvariantsHold() {
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

    private static void cancelAnswers(String key, ResponseDefinitionBuilder r) {
        PG.stubFor(post(urlEqualTo("/v1/payments/" + key + "/cancel")).willReturn(r));
    }

    private void confirm(String key, long amount) {
        long user = newId();
        send(
                PaymentTopics.CONFIRM,
                key,
                new ConfirmPaymentCommand(key, PaymentPurpose.POINT_CHARGE, newId(), user, amount),
                user);
    }

    private Map<String, Object> row(String key) {
        return jdbc.queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key);
    }

    private long amount(String key, String column) {
        Object v = row(key).get(column);
        return v == null ? -1 : ((Number) v).longValue();
    }

    private String lastError(String key) {
        List<String> e =
                jdbc.queryForList("SELECT last_error FROM payments WHERE pg_payment_id = ?", String.class, key);
        return e.isEmpty() ? null : e.getFirst();
    }

    private List<Map<String, Object>> cancellations(String key) {
        return jdbc.queryForList("""
                SELECT c.* FROM payment_cancellations c JOIN payments p ON p.payment_id = c.payment_id
                WHERE p.pg_payment_id = ? ORDER BY c.cancel_amount""", key);
    }

    private List<String> replyTypes(String key) {
        return messages(PaymentTopics.REPLIES, key).stream()
                .map(r -> TopicRecorder.header(r, MessageHeaders.TYPE))
                .toList();
    }

    /** The first PG answer the payment-service reacted to: FAILED already, or an unknown outcome recorded. */
    private void awaitFirstAnswer(String key) {
        Await.until("the confirm answered", TIMEOUT, () -> "FAILED".equals(status(key)) || lastError(key) != null);
    }

    @Test
    void aPgAlreadyProcessingAnswerToAConfirmRetryEndsAsThePgsRealFinalState() {
        String key = newKey("pk_busy_");
        String confirmScenario = "busy-" + key;
        // the first attempt is slow (past the client's time limit) and still running at the PG when the retry arrives
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .inScenario(confirmScenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":9000}")
                        .withFixedDelay(1_500))
                .willSetStateTo("processing"));
        PG.stubFor(post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .inScenario(confirmScenario)
                .whenScenarioStateIs("processing")
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"IDEMPOTENT_REQUEST_PROCESSING\","
                                + "\"message\":\"A previous request with this Idempotency-Key is being processed\"}")));
        String statusScenario = "busy-status-" + key;
        PG.stubFor(get(urlEqualTo("/v1/payments/" + key))
                .inScenario(statusScenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"IN_PROGRESS\"}"))
                .willSetStateTo("done"));
        PG.stubFor(get(urlEqualTo("/v1/payments/" + key))
                .inScenario(statusScenario)
                .whenScenarioStateIs("done")
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":9000,"
                        + "\"approvedAt\":\"" + Instant.now() + "\"}")));

        confirm(key, 9_000);

        awaitFirstAnswer(key);
        assertThat(status(key)).as("a 409 to our own retry is no decline").isEqualTo("PENDING");
        assertThat(lastError(key))
                .contains("409")
                .contains("IDEMPOTENT_REQUEST_PROCESSING")
                .contains("IN_PROGRESS");
        assertThat(messages(PaymentTopics.REPLIES, key))
                .as("nothing is guessed")
                .isEmpty();
        List<LoggedRequest> confirms = confirmCalls(key);
        assertThat(confirms)
                .as("the slow attempt and the retry answered 409; a 409 is not retried")
                .hasSize(2);
        assertThat(confirms.get(1).getHeader("Idempotency-Key"))
                .isEqualTo(confirms.get(0).getHeader("Idempotency-Key"));
        assertThat(statusCalls(key)).hasSize(1);

        // the PG finished the first attempt: the reconciliation job finds the payment DONE
        reconciler.reconcile(Instant.now().plusSeconds(1));

        assertThat(status(key)).isEqualTo("SUCCESS");
        assertThat(amount(key, "approved_amount")).isEqualTo(9_000);
        assertThat(row(key).get("next_check_at")).as("nothing left to check").isNull();
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        awaitMessages(PaymentTopics.EVENTS, PaymentTopics.APPROVED, key, 1);
        assertThat(replyTypes(key)).containsExactly(PaymentTopics.APPROVED);
        assertThat(confirmCalls(key))
                .as("settled by the status, not by confirming again")
                .hasSize(2);
    }

    @Test
    void anAlreadyProcessedAnswerIsResolvedByTheStatusAtOnce() {
        String key = newKey("pk_processed_");
        confirmAnswers(
                key,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"code\":\"ALREADY_PROCESSED_PAYMENT\",\"message\":\"This payment has already been processed\"}"));
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":4000}"));

        confirm(key, 4_000);

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.APPROVED, key, 1);
        assertThat(status(key)).isEqualTo("SUCCESS");
        assertThat(replyTypes(key)).containsExactly(PaymentTopics.APPROVED);
        assertThat(confirmCalls(key)).hasSize(1);
        assertThat(statusCalls(key)).hasSize(1);
    }

    @Test
    void aFailureForAnUnclearReasonIsReCheckedAndMoneyThePgHoldsAfterAllIsGivenBack() {
        String key = newKey("pk_unclear_");
        // a 400 nobody can read (a proxy's page), and the PG knows no such payment yet
        confirmAnswers(
                key,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>Bad Request</body></html>"));
        statusAnswers(
                key,
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"NOT_FOUND_PAYMENT\",\"message\":\"no such payment\"}"));
        cancelAnswers(
                key,
                okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"CANCELED\",\"canceledAt\":\"" + Instant.now()
                        + "\"}"));

        confirm(key, 6_000);

        JsonNode failed = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(failed.get("failure_code").asString()).isEqualTo("PG_HTTP_400");
        assertThat(status(key)).isEqualTo("FAILED");

        // the PG's view catches up: it approved the payment after all
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":6000}"));
        reconciler.reconcile(Instant.now().plusSeconds(1));

        List<LoggedRequest> cancels = cancelCalls(key);
        assertThat(cancels)
                .as("the money the PG holds for a failed payment is given back")
                .hasSize(1);
        assertThat(cancels.getFirst().getBodyAsString()).doesNotContain("cancelAmount");
        assertThat(status(key)).as("the requester was told FAILED; it stays so").isEqualTo("FAILED");
        assertThat(amount(key, "approved_amount")).isEqualTo(6_000);
        assertThat(amount(key, "cancelled_amount")).isEqualTo(6_000);
        assertThat(row(key).get("next_check_at")).isNull();
        assertThat(cancellations(key)).singleElement().satisfies(c -> {
            assertThat(c.get("status")).isEqualTo("DONE");
            assertThat(((Number) c.get("cancel_amount")).longValue()).isEqualTo(6_000);
        });
        awaitMessages(PaymentTopics.EVENTS, PaymentTopics.CANCELLED, key, 1);
        assertThat(replyTypes(key)).as("one answer to the requester: failed").containsExactly(PaymentTopics.FAILED);

        reconciler.reconcile(Instant.now().plusSeconds(60));
        assertThat(cancelCalls(key)).as("re-checked once, given back once").hasSize(1);
    }

    @Test
    void anUnclearFailureThePgStillDoesNotKnowIsSettledByTheReCheck() {
        String key = newKey("pk_unclear_");
        confirmAnswers(key, aResponse().withStatus(403));
        statusAnswers(key, aResponse().withStatus(404));

        confirm(key, 2_000);
        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1);
        assertThat(row(key).get("next_check_at")).as("to be re-checked").isNotNull();

        reconciler.reconcile(Instant.now().plusSeconds(1));

        assertThat(row(key).get("next_check_at"))
                .as("nothing held: nothing more to check")
                .isNull();
        assertThat(status(key)).isEqualTo("FAILED");
        assertThat(statusCalls(key)).hasSize(2);
        assertThat(cancelCalls(key)).isEmpty();
        assertThat(replyTypes(key)).containsExactly(PaymentTopics.FAILED);
    }

    @Test
    void aPendingPaymentThePgReportsPartiallyCancelledFailsAndWhatIsLeftIsCancelled() {
        String key = newKey("pk_partial_");
        confirmAnswers(key, aResponse().withStatus(500));
        statusAnswers(
                key,
                okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"PARTIAL_CANCELED\","
                        + "\"totalAmount\":10000,\"balanceAmount\":6000,\"cancels\":[{\"cancelAmount\":4000}]}"));
        cancelAnswers(
                key,
                okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"CANCELED\",\"canceledAt\":\"" + Instant.now()
                        + "\"}"));

        confirm(key, 10_000);

        JsonNode failed = payload(awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1)
                .getFirst());
        assertThat(failed.get("failure_code").asString()).isEqualTo("PG_ABORTED");
        Await.until(
                "what the PG still holds cancelled",
                TIMEOUT,
                () -> cancelCalls(key).size() == 1 && amount(key, "cancelled_amount") == 10_000);
        assertThat(cancelCalls(key).getFirst().getBodyAsString()).contains("\"cancelAmount\":6000");
        Map<String, Object> row = row(key);
        assertThat(row.get("payment_status")).isEqualTo("FAILED");
        assertThat(((Number) row.get("approved_amount")).longValue()).isEqualTo(10_000);
        assertThat(row.get("failure_message").toString()).contains("PARTIAL_CANCELED");
        assertThat(row.get("next_check_at")).isNull();
        assertThat(cancellations(key))
                .extracting(c -> ((Number) c.get("cancel_amount")).longValue() + " " + c.get("status"))
                .containsExactly("4000 DONE", "6000 DONE");
        awaitMessages(PaymentTopics.EVENTS, PaymentTopics.CANCELLED, key, 2);
        assertThat(replyTypes(key))
                .as("the requester hears one failure, no cancel")
                .containsExactly(PaymentTopics.FAILED);
    }

    @Test
    void aPendingPaymentTheReconciliationJobFindsCancelledFailsWithTheCancelRecorded() {
        String key = newKey("pk_cancelled_");
        confirmAnswers(key, aResponse().withStatus(503));
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"IN_PROGRESS\"}"));
        confirm(key, 3_000);
        awaitFirstAnswer(key);
        assertThat(status(key)).isEqualTo("PENDING");

        statusAnswers(
                key,
                okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"CANCELED\",\"totalAmount\":3000,"
                        + "\"balanceAmount\":0}"));
        reconciler.reconcile(Instant.now().plusSeconds(1));

        awaitMessages(PaymentTopics.REPLIES, PaymentTopics.FAILED, key, 1);
        assertThat(status(key)).isEqualTo("FAILED");
        assertThat(amount(key, "approved_amount"))
                .as("the approval the PG cancelled is recorded")
                .isEqualTo(3_000);
        assertThat(amount(key, "cancelled_amount")).isEqualTo(3_000);
        assertThat(cancellations(key)).extracting(c -> c.get("status")).containsExactly("DONE");
        assertThat(cancelCalls(key)).as("nothing left to cancel").isEmpty();
    }
}
