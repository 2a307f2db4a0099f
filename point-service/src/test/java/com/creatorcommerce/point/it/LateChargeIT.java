package com.creatorcommerce.point.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An order's CHARGE that arrives after the payment it was to be paid by was cancelled (the order saga compensated
 * while the CHARGE was on its way, or sent it again): refused, nothing credited.
 */
class LateChargeIT extends PointIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void ledgerInvariantsHold() {
        assertLedgerInvariants();
    }

    private void paymentCancelled(long paymentId, long order, long user, long remaining) {
        publish(
                PaymentTopics.REPLIES,
                Long.toString(order),
                PaymentTopics.CANCELLED,
                new PaymentCancelled(
                        paymentId,
                        "pk_" + paymentId,
                        PaymentPurpose.ORDER_CHARGE,
                        order,
                        user,
                        "order-" + order + "-failed",
                        10_000 - remaining,
                        remaining,
                        Instant.now()),
                "reply-" + UUID.randomUUID(),
                user);
    }

    private void charge(long order, long user, long amount, long paymentId) {
        publish(
                PointTopics.COMMANDS,
                Long.toString(order),
                PointTopics.CHARGE,
                new ChargePointsCommand(order, user, amount, paymentId),
                "cmd-" + UUID.randomUUID(),
                user);
    }

    private int cancelledPayments(long paymentId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM point_cancelled_payments WHERE payment_id = ?", Integer.class, paymentId);
    }

    private double creditedAnyway() {
        return meters.counter("point.charge.cancelled-payment").count();
    }

    @Test
    void aChargeAfterItsPaymentWasCancelledIsRefusedAndCreditsNothing() {
        long user = newId();
        long order = newId();
        long payment = newId();
        paymentCancelled(payment, order, user, 0);
        Await.until("the cancelled payment recorded", TIMEOUT, () -> cancelledPayments(payment) == 1);

        charge(order, user, 10_000, payment);
        JsonNode refused =
                json.readTree(await(PointTopics.REPLIES, PointTopics.CHARGE_REJECTED, Long.toString(order), 1)
                        .getFirst()
                        .value());
        assertThat(refused.get("reason").asString()).isEqualTo("CONFLICTING_COMMAND");
        assertThat(refused.get("detail").asString()).contains("Payment " + payment + " was cancelled");

        // sent again (a saga retry): refused again
        charge(order, user, 10_000, payment);
        await(PointTopics.REPLIES, PointTopics.CHARGE_REJECTED, Long.toString(order), 2);

        assertThat(balance(user)).isZero();
        assertThat(transactions(user)).isZero();
        assertThat(RECORDER.records(r -> Long.toString(order).equals(r.key())
                        && PointTopics.CHARGED.equals(TopicRecorder.header(r, MessageHeaders.TYPE))))
                .isEmpty();
    }

    @Test
    void aChargeOfAnotherPaymentOrAPartlyCancelledOneIsCredited() {
        long user = newId();
        long order = newId();
        long partly = newId();
        paymentCancelled(partly, order, user, 4_000);
        long otherOrder = newId();
        paymentCancelled(newId(), otherOrder, user, 0);
        Await.until(
                "the full cancel recorded",
                TIMEOUT,
                () -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM point_cancelled_payments WHERE order_id = ?",
                                Integer.class,
                                otherOrder)
                        == 1);

        charge(order, user, 10_000, partly);
        await(PointTopics.REPLIES, PointTopics.CHARGED, Long.toString(order), 1);

        assertThat(balance(user)).isEqualTo(10_000);
        assertThat(cancelledPayments(partly)).isZero();
    }

    @Test
    void aPaymentCancelledAfterItsChargeWasCreditedIsFlaggedAndARepeatOfTheChargeIsAnsweredAsBefore() {
        long user = newId();
        long order = newId();
        long payment = newId();
        charge(order, user, 6_000, payment);
        await(PointTopics.REPLIES, PointTopics.CHARGED, Long.toString(order), 1);
        double before = creditedAnyway();

        paymentCancelled(payment, order, user, 0);
        Await.until("the cancelled payment recorded", TIMEOUT, () -> cancelledPayments(payment) == 1);
        assertThat(creditedAnyway()).isEqualTo(before + 1);

        charge(order, user, 6_000, payment);
        await(PointTopics.REPLIES, PointTopics.CHARGED, Long.toString(order), 2);
        assertThat(balance(user)).isEqualTo(6_000);
        assertThat(transactions(user)).isEqualTo(1);
    }
}
