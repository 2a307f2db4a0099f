package com.creatorcommerce.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The first saga end to end: point-service and the real payment-service against one broker, WireMock as the PG.
 * POST /v1/points/charges -> confirm -> payment.commands -> payment-service -> PG -> payment.replies -> points
 * credited (or the request FAILED, nothing credited). Each case checks the final state, exactly one payment row per
 * charge and the ledger invariants.
 */
class ChargeThroughPaymentServiceIT extends PointAndPaymentSystemTest {

    @AfterEach
    void ledgerInvariantsHold() {
        assertLedgerInvariants();
    }

    private static String done(String key, long amount) {
        return "{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount + ",\"approvedAt\":\""
                + Instant.now() + "\"}";
    }

    private static void confirmAnswers(String key, ResponseDefinitionBuilder response) {
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(response));
    }

    private static void statusAnswers(String key, ResponseDefinitionBuilder response) {
        PG.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/payments/" + key))
                .willReturn(response));
    }

    private static List<LoggedRequest> confirmCalls(String key) {
        return PG.findAll(postRequestedFor(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key))));
    }

    private List<Map<String, Object>> payments(String key) {
        return paymentJdbc().queryForList("SELECT * FROM payments WHERE pg_payment_id = ?", key);
    }

    private Map<String, Object> onlyPayment(String key) {
        List<Map<String, Object>> rows = payments(key);
        assertThat(rows).as("exactly one payment row for " + key).hasSize(1);
        return rows.getFirst();
    }

    private void assertCredited(long user, long chargeId, long amount) {
        assertThat(balance(user)).isEqualTo(amount);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM point_transactions WHERE user_id = ?", user);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("transaction_type")).isEqualTo("CHARGE");
        assertThat(((Number) rows.getFirst().get("amount")).longValue()).isEqualTo(amount);
        assertThat(((Number) rows.getFirst().get("balance_before")).longValue()).isZero();
        assertThat(((Number) rows.getFirst().get("balance_after")).longValue()).isEqualTo(amount);
        assertThat(rows.getFirst().get("reference_type")).isEqualTo("CHARGE_REQUEST");
        assertThat(((Number) rows.getFirst().get("reference_id")).longValue()).isEqualTo(chargeId);
    }

    private void assertNothingCredited(long user) {
        assertThat(balance(user)).isZero();
        assertThat(transactions(user)).isZero();
    }

    @Test
    void anApprovedPaymentCreditsThePointsAndCompletesTheRequest() {
        long user = newId();
        String key = newKey("pk_approve_");
        confirmAnswers(key, okJson(done(key, 10_000)));

        long chargeId = createCharge(user, 10_000);
        HttpResponse<String> accepted = confirm(user, chargeId, key);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(body(accepted).get("status").asString()).isEqualTo("PENDING");
        assertThat(body(accepted).get("payment_key").asString()).isEqualTo(key);
        JsonNode completed = awaitCharge(user, chargeId, "COMPLETED");
        assertThat(completed.get("completed_at").isNull()).isFalse();
        assertThat(completed.get("transaction_id").isString()).isTrue();
        assertCredited(user, chargeId, 10_000);
        JsonNode balance = body(get("/v1/points/balance", user));
        assertThat(balance.get("balance").asLong()).isEqualTo(10_000);

        Map<String, Object> payment = onlyPayment(key);
        assertThat(payment.get("payment_status")).isEqualTo("SUCCESS");
        assertThat(((Number) payment.get("amount")).longValue()).isEqualTo(10_000);
        assertThat(((Number) payment.get("charge_request_id")).longValue()).isEqualTo(chargeId);
        assertThat(completed.get("payment_id").asString())
                .isEqualTo(payment.get("payment_id").toString());
        assertThat(confirmCalls(key))
                .singleElement()
                .satisfies(c -> assertThat(c.getBodyAsString()).contains("\"amount\":10000"));
        // the flow is one saga: the payment reply and the point events carry the confirm command's correlation
        ConsumerRecord<String, String> command =
                await(PaymentTopics.COMMANDS, PaymentTopics.CONFIRM, key, 1).getFirst();
        ConsumerRecord<String, String> reply = await(
                        PaymentTopics.REPLIES, PaymentTopics.APPROVED, Long.toString(chargeId), 1)
                .getFirst();
        assertThat(TopicRecorder.header(reply, MessageHeaders.CORRELATION_ID))
                .isEqualTo(TopicRecorder.header(command, MessageHeaders.CORRELATION_ID));
        ConsumerRecord<String, String> completedEvent = await(
                        PointTopics.EVENTS, PointTopics.CHARGE_COMPLETED, Long.toString(user), 1)
                .getFirst();
        assertThat(TopicRecorder.header(completedEvent, MessageHeaders.CAUSATION_ID))
                .isEqualTo(TopicRecorder.header(reply, MessageHeaders.ID));
        await(PointTopics.EVENTS, PointTopics.BALANCE_CHANGED, Long.toString(user), 1);
    }

    @Test
    void aDeclinedPaymentFailsTheRequestWithThePgReasonAndCreditsNothing() {
        long user = newId();
        String key = newKey("pk_decline_");
        confirmAnswers(
                key,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"code\":\"REJECT_CARD_PAYMENT\",\"message\":\"The card issuer declined the payment\"}"));

        long chargeId = createCharge(user, 5_000);
        assertThat(confirm(user, chargeId, key).statusCode()).isEqualTo(202);

        JsonNode failed = awaitCharge(user, chargeId, "FAILED");
        assertThat(failed.get("failure_code").asString()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(failed.get("failure_reason").asString()).isEqualTo("The card issuer declined the payment");
        assertNothingCredited(user);
        assertThat(onlyPayment(key).get("payment_status")).isEqualTo("FAILED");
        await(PointTopics.EVENTS, PointTopics.CHARGE_FAILED, Long.toString(user), 1);
        // a failed request cannot be confirmed again
        assertProblem(confirm(user, chargeId, newKey("pk_approve_")), 409, "CHARGE_FAILED");
    }

    @Test
    void aPgTimeoutIsResolvedByTheStatusQueryAndCreditsOnce() {
        long user = newId();
        String key = newKey("pk_slow_");
        confirmAnswers(key, okJson(done(key, 7_000)).withFixedDelay(1_500));
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\"}"));

        long chargeId = createCharge(user, 7_000);
        confirm(user, chargeId, key);

        awaitCharge(user, chargeId, "COMPLETED");
        assertCredited(user, chargeId, 7_000);
        assertThat(onlyPayment(key).get("payment_status")).isEqualTo("SUCCESS");
        assertThat(confirmCalls(key)).hasSize(3);
        assertThat(confirmCalls(key))
                .extracting(c -> c.getHeader("Idempotency-Key"))
                .containsOnly(confirmCalls(key).getFirst().getHeader("Idempotency-Key"));
    }

    @Test
    void aPgServerErrorIsRetriedWithTheSameIdempotencyKey() {
        long user = newId();
        String key = newKey("pk_error_");
        String scenario = "5xx-" + key;
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502))
                .willSetStateTo("up"));
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .inScenario(scenario)
                .whenScenarioStateIs("up")
                .willReturn(okJson(done(key, 3_000))));

        long chargeId = createCharge(user, 3_000);
        confirm(user, chargeId, key);

        awaitCharge(user, chargeId, "COMPLETED");
        assertCredited(user, chargeId, 3_000);
        onlyPayment(key);
        List<LoggedRequest> calls = confirmCalls(key);
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).getHeader("Idempotency-Key"))
                .isEqualTo(calls.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void aConnectionResetIsResolvedByTheStatusQuery() {
        long user = newId();
        String key = newKey("pk_reset_");
        confirmAnswers(key, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":4000}"));

        long chargeId = createCharge(user, 4_000);
        confirm(user, chargeId, key);

        awaitCharge(user, chargeId, "COMPLETED");
        assertCredited(user, chargeId, 4_000);
        assertThat(onlyPayment(key).get("payment_status")).isEqualTo("SUCCESS");
    }

    @Test
    void aPgAmountDifferentFromTheRequestFailsItAndCreditsNothing() {
        long user = newId();
        String key = newKey("pk_mismatch_");
        confirmAnswers(key, okJson(done(key, 8_001)));
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/" + key + "/cancel"))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"CANCELED\"}")));

        long chargeId = createCharge(user, 8_000);
        confirm(user, chargeId, key);

        JsonNode failed = awaitCharge(user, chargeId, "FAILED");
        assertThat(failed.get("failure_code").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(failed.get("failure_reason").asString()).contains("8001").contains("8000");
        assertNothingCredited(user);
        Map<String, Object> payment = onlyPayment(key);
        assertThat(payment.get("payment_status")).isEqualTo("FAILED");
        Await.until(
                "the wrong approval cancelled at the PG",
                TIMEOUT,
                () -> ((Number) onlyPayment(key).get("cancelled_amount")).longValue() == 8_001);
    }

    @Test
    void duplicateConfirmCallsSendOnePaymentAndCreditOnce() throws Exception {
        long user = newId();
        String key = newKey("pk_approve_");
        confirmAnswers(key, okJson(done(key, 12_000)));
        long chargeId = createCharge(user, 12_000);

        List<CompletableFuture<HttpResponse<String>>> calls;
        try (var pool = Executors.newFixedThreadPool(8)) {
            calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> confirm(user, chargeId, key), pool))
                    .toList();
        }

        assertThat(calls).allSatisfy(c -> assertThat(c.get().statusCode()).isEqualTo(202));
        awaitCharge(user, chargeId, "COMPLETED");
        assertCredited(user, chargeId, 12_000);
        onlyPayment(key);
        assertThat(confirmCalls(key)).hasSize(1);
        assertThat(records(PaymentTopics.COMMANDS, key))
                .as("one confirm command")
                .hasSize(1);
        // and once completed, confirming again is refused
        assertProblem(confirm(user, chargeId, key), 409, "CHARGE_ALREADY_COMPLETED");
        assertThat(balance(user)).isEqualTo(12_000);
    }

    @Test
    void aRedeliveredOrRepeatedApprovalCreditsOnce() {
        long user = newId();
        String key = newKey("pk_approve_");
        confirmAnswers(key, okJson(done(key, 6_000)));
        long chargeId = createCharge(user, 6_000);
        confirm(user, chargeId, key);
        awaitCharge(user, chargeId, "COMPLETED");
        ConsumerRecord<String, String> approval = await(
                        PaymentTopics.REPLIES, PaymentTopics.APPROVED, Long.toString(chargeId), 1)
                .getFirst();

        // the broker hands the same reply over again (same ce_id), and payment-service answers again (new ce_id)
        String sameId = TopicRecorder.header(approval, MessageHeaders.ID);
        publish(PaymentTopics.REPLIES, approval.key(), PaymentTopics.APPROVED, approval.value(), sameId, user);
        publish(
                PaymentTopics.REPLIES,
                approval.key(),
                PaymentTopics.APPROVED,
                approval.value(),
                "again-" + sameId,
                user);
        // a later reply on the same key (same partition): once handled, both copies before it were consumed
        long sentinelUser = user;
        publish(
                PaymentTopics.REPLIES,
                approval.key(),
                PaymentTopics.FAILED,
                "{\"payment_key\":\"" + key
                        + "\",\"purpose\":\"POINT_CHARGE\",\"reference_id\":\"" + chargeId + "\",\"user_id\":\"" + user
                        + "\",\"amount\":6000,\"failure_code\":\"SENTINEL\"}",
                "sentinel-" + sameId,
                sentinelUser);
        Await.until(
                "the sentinel handled",
                TIMEOUT,
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM processed_message WHERE message_id = ?",
                                Integer.class,
                                "sentinel-" + sameId)
                        == 1);

        assertCredited(user, chargeId, 6_000);
        assertThat(body(get("/v1/points/charges/" + chargeId, user))
                        .get("status")
                        .asString())
                .as("a late failure does not undo a completed charge")
                .isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_message WHERE message_id IN (?, ?)",
                        Integer.class,
                        sameId,
                        "again-" + sameId))
                .isEqualTo(2);
    }

    @Test
    void theSameConfirmCommandDeliveredTwiceToPaymentServiceChargesOnce() {
        long user = newId();
        String key = newKey("pk_approve_");
        confirmAnswers(key, okJson(done(key, 2_500)));
        long chargeId = createCharge(user, 2_500);
        confirm(user, chargeId, key);
        awaitCharge(user, chargeId, "COMPLETED");
        ConsumerRecord<String, String> command =
                await(PaymentTopics.COMMANDS, PaymentTopics.CONFIRM, key, 1).getFirst();

        // redelivered (same ce_id) and sent again (new ce_id): payment-service neither charges nor pays twice
        String id = TopicRecorder.header(command, MessageHeaders.ID);
        publish(PaymentTopics.COMMANDS, key, PaymentTopics.CONFIRM, command.value(), id, user);
        publish(PaymentTopics.COMMANDS, key, PaymentTopics.CONFIRM, command.value(), "again-" + id, user);

        List<ConsumerRecord<String, String>> approvals =
                await(PaymentTopics.REPLIES, PaymentTopics.APPROVED, Long.toString(chargeId), 2);
        String firstReply = TopicRecorder.header(approvals.get(0), MessageHeaders.ID);
        String repeatedReply = TopicRecorder.header(approvals.get(1), MessageHeaders.ID);
        Await.until(
                "the repeated approval handled by point-service",
                TIMEOUT,
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM processed_message WHERE consumer = 'point-service.payment-replies' "
                                        + "AND message_id IN (?, ?)",
                                Integer.class,
                                firstReply,
                                repeatedReply)
                        == 2);
        onlyPayment(key);
        assertThat(confirmCalls(key)).hasSize(1);
        assertCredited(user, chargeId, 2_500);
    }

    @Test
    void aPgAlreadyProcessingAnswerToTheConfirmRetryEndsAsThePgsRealFinalStateAndCredits() {
        long user = newId();
        String key = newKey("pk_busy_");
        String scenario = "busy-" + key;
        // the first attempt outlives the client's time limit; the same-key retry finds it still running: 409
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(done(key, 11_000)).withFixedDelay(1_500))
                .willSetStateTo("processing"));
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .inScenario(scenario)
                .whenScenarioStateIs("processing")
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"code\":\"IDEMPOTENT_REQUEST_PROCESSING\",\"message\":\"still being processed\"}")));
        statusAnswers(key, okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":11000}"));

        long chargeId = createCharge(user, 11_000);
        confirm(user, chargeId, key);

        Await.until(
                "the charge settled",
                TIMEOUT,
                () -> !"PENDING"
                        .equals(body(get("/v1/points/charges/" + chargeId, user))
                                .get("status")
                                .asString()));
        assertThat(body(get("/v1/points/charges/" + chargeId, user))
                        .get("status")
                        .asString())
                .as("a 409 to the retry is not a decline: the PG's status (DONE) decides")
                .isEqualTo("COMPLETED");
        assertCredited(user, chargeId, 11_000);
        assertThat(onlyPayment(key).get("payment_status")).isEqualTo("SUCCESS");
        assertThat(confirmCalls(key)).hasSize(2);
    }
}
