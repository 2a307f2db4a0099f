package com.creatorcommerce.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.micrometer.core.instrument.Counter;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A payment approved for a charge request but not credited (here: approved with a payment key the request was never
 * confirmed with) is given back at the PG through payment-service, and the answer to that cancel is recorded on the
 * request: REFUNDED, or REFUND_FAILED with the PG's reason (logged as an error and counted), never lost.
 */
class ChargeRefundIT extends PointAndPaymentSystemTest {

    @AfterEach
    void ledgerInvariantsHold() {
        assertLedgerInvariants();
    }

    private double refundsFailed() {
        Counter c = pointMeters().find("point.charge.refund.failed").counter();
        return c == null ? 0 : c.count();
    }

    /** The PG approves {@code key} for {@code amount} and answers a cancel of it with {@code cancel}. */
    private static void pg(String key, long amount, ResponseDefinitionBuilder cancel) {
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(key)))
                .willReturn(okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"DONE\",\"totalAmount\":" + amount
                        + ",\"approvedAt\":\"" + Instant.now() + "\"}")));
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/" + key + "/cancel")).willReturn(cancel));
    }

    /** payment-service is asked to confirm a payment for the request that the request itself never confirmed. */
    private void approvedButNotConfirmedByTheRequest(String key, long chargeId, long user, long amount) {
        publish(
                PaymentTopics.COMMANDS,
                key,
                PaymentTopics.CONFIRM,
                new ConfirmPaymentCommand(key, PaymentPurpose.POINT_CHARGE, chargeId, user, amount),
                "cmd-" + UUID.randomUUID(),
                user);
    }

    private JsonNode awaitRefund(long user, long chargeId, String refundStatus) {
        Await.until("charge " + chargeId + " refund " + refundStatus, TIMEOUT, () -> {
            JsonNode charge = body(get("/v1/points/charges/" + chargeId, user));
            return charge.has("refund_status")
                    && refundStatus.equals(charge.get("refund_status").asString());
        });
        return body(get("/v1/points/charges/" + chargeId, user));
    }

    private Map<String, Object> payment(String key) {
        return paymentJdbc().queryForMap("SELECT * FROM payments WHERE pg_payment_id = ?", key);
    }

    @Test
    void aRefusedRefundOfAnUncreditedPaymentIsRecordedOnTheChargeLoggedAndCountedOnce() {
        long user = newId();
        String key = newKey("pk_approve_");
        pg(
                key,
                10_000,
                aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"code\":\"NOT_CANCELABLE_PAYMENT\",\"message\":\"The payment cannot be cancelled\"}"));
        long chargeId = createCharge(user, 10_000);
        double failedBefore = refundsFailed();

        approvedButNotConfirmedByTheRequest(key, chargeId, user, 10_000);

        JsonNode charge = awaitRefund(user, chargeId, "REFUND_FAILED");
        assertThat(charge.get("status").asString()).isEqualTo("FAILED");
        assertThat(charge.get("failure_code").asString()).isEqualTo("PAYMENT_MISMATCH");
        assertThat(charge.get("refund_failure_code").asString()).isEqualTo("NOT_CANCELABLE_PAYMENT");
        assertThat(charge.get("refund_failure_reason").asString()).isEqualTo("The payment cannot be cancelled");
        assertThat(charge.get("refunded_amount").isNull()).isTrue();
        assertThat(refundsFailed()).isEqualTo(failedBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM point_charge_requests WHERE charge_request_id = ? "
                                + "AND refund_status = 'REFUND_FAILED' AND refund_requested_at IS NOT NULL "
                                + "AND refund_settled_at IS NOT NULL",
                        Integer.class,
                        chargeId))
                .isEqualTo(1);
        assertThat(balance(user)).as("nothing credited").isZero();
        assertThat(transactions(user)).isZero();
        Map<String, Object> payment = payment(key);
        assertThat(payment.get("payment_status"))
                .as("the PG still holds the money")
                .isEqualTo("SUCCESS");
        assertThat(((Number) payment.get("cancelled_amount")).longValue()).isZero();
        assertThat(PG.findAll(postRequestedFor(urlEqualTo("/v1/payments/" + key + "/cancel"))))
                .hasSize(1);

        // the same answer delivered again (same ce_id): no second count
        ConsumerRecord<String, String> answer = await(
                        PaymentTopics.REPLIES, PaymentTopics.CANCEL_FAILED, Long.toString(chargeId), 1)
                .getFirst();
        String answerId = TopicRecorder.header(answer, MessageHeaders.ID);
        publish(PaymentTopics.REPLIES, answer.key(), PaymentTopics.CANCEL_FAILED, answer.value(), answerId, user);
        // a later reply on the same key (same partition): once handled, the copy before it was consumed
        String sentinel = "sentinel-" + answerId;
        publish(
                PaymentTopics.REPLIES,
                answer.key(),
                PaymentTopics.FAILED,
                "{\"payment_key\":\"" + key
                        + "\",\"purpose\":\"POINT_CHARGE\",\"reference_id\":\"" + chargeId + "\",\"user_id\":\"" + user
                        + "\",\"amount\":10000,\"failure_code\":\"SENTINEL\"}",
                sentinel,
                user);
        Await.until(
                "the sentinel handled",
                TIMEOUT,
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM processed_message WHERE message_id = ?", Integer.class, sentinel)
                        == 1);
        assertThat(refundsFailed()).isEqualTo(failedBefore + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_message WHERE message_id = ?", Integer.class, answerId))
                .isEqualTo(1);
        assertThat(body(get("/v1/points/charges/" + chargeId, user))
                        .get("refund_status")
                        .asString())
                .isEqualTo("REFUND_FAILED");
    }

    @Test
    void aDoneRefundOfAnUncreditedPaymentMarksTheChargeRefunded() {
        long user = newId();
        String key = newKey("pk_approve_");
        pg(
                key,
                7_000,
                okJson("{\"paymentKey\":\"" + key + "\",\"status\":\"CANCELED\",\"canceledAt\":\"" + Instant.now()
                        + "\"}"));
        long chargeId = createCharge(user, 7_000);
        double failedBefore = refundsFailed();

        approvedButNotConfirmedByTheRequest(key, chargeId, user, 7_000);

        JsonNode charge = awaitRefund(user, chargeId, "REFUNDED");
        assertThat(charge.get("status").asString()).isEqualTo("FAILED");
        assertThat(charge.get("refunded_amount").asLong()).isEqualTo(7_000);
        assertThat(charge.get("refund_failure_code").isNull()).isTrue();
        assertThat(refundsFailed()).isEqualTo(failedBefore);
        assertThat(balance(user)).isZero();
        Map<String, Object> payment = payment(key);
        assertThat(payment.get("payment_status")).isEqualTo("CANCELLED");
        assertThat(((Number) payment.get("cancelled_amount")).longValue()).isEqualTo(7_000);
    }
}
