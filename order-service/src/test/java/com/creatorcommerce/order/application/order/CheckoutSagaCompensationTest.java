package com.creatorcommerce.order.application.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponConfirmationRejected;
import com.creatorcommerce.contracts.coupon.CouponRejectionReason;
import com.creatorcommerce.contracts.coupon.CouponReservationRejected;
import com.creatorcommerce.contracts.coupon.CouponReservationReleased;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointRejectionReason;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.order.domain.order.FailureCode;
import com.creatorcommerce.platform.saga.SagaProbe.Step;
import com.creatorcommerce.platform.saga.SagaReason;
import com.creatorcommerce.platform.saga.SagaStatus;
import com.creatorcommerce.platform.saga.StepEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The charge-then-order saga refused or unanswered: what it undoes, in which order, with which reason. */
class CheckoutSagaCompensationTest extends CheckoutSagaFixture {

    @Test
    void refusedStockCancelsAtOnceWithoutSendingAnything() {
        local.stockRefusal = FailureCode.OUT_OF_STOCK;

        Step<CheckoutData> s = saga.start(order(COUPON, 10_000L));

        assertThat(s.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(s.reasonCode()).isEqualTo("OUT_OF_STOCK");
        assertThat(s.sent()).isEmpty();
        assertThat(local.effects).containsExactly("stock refused", "failed OUT_OF_STOCK");
    }

    @Test
    void insufficientPointsKeepTheBoughtPointsSoThePaymentIsNotCancelledButTheCouponAndStockAreReleased() {
        saga.start(order(COUPON, 10_000L));
        saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));
        saga.reply(PaymentTopics.APPROVED, approved());
        saga.reply(PointTopics.CHARGED, new PointsCharged(ORDER, USER, 10_000, 12_000, 1));

        Step<CheckoutData> s = saga.reply(
                PointTopics.USE_REJECTED,
                new PointsUseRejected(ORDER, USER, 37_000, 12_000, PointRejectionReason.INSUFFICIENT_POINTS, "short"));

        assertThat(s.status()).isEqualTo(SagaStatus.COMPENSATING);
        assertThat(s.reasonCode()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(s.events()).contains(StepEvent.COMPENSATION_SKIPPED);
        assertThat(s.command().type()).as("no payment cancel: the points stay").isEqualTo(CouponTopics.RELEASE);
        assertThat(s.command().payload()).isEqualTo(new ReleaseCouponCommand(ORDER, USER, COUPON, "ORDER_FAILED"));

        Step<CheckoutData> end =
                saga.reply(CouponTopics.RESERVATION_RELEASED, new CouponReservationReleased(ORDER, COUPON, true));
        assertThat(end.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(local.effects).containsExactly("stock reserved", "stock released", "failed INSUFFICIENT_POINTS");
        assertThat(local.reasons)
                .as("the order is told what point-service said")
                .containsExactly(new SagaReason("INSUFFICIENT_POINTS", "short"));
    }

    @Test
    void aDeclinedPaymentReleasesTheCouponAndCancelsNothingAtThePg() {
        saga.start(order(COUPON, 10_000L));
        saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));

        Step<CheckoutData> s = saga.reply(
                PaymentTopics.FAILED,
                new PaymentFailed(
                        null,
                        "pk_approve_x",
                        PaymentPurpose.ORDER_CHARGE,
                        ORDER,
                        USER,
                        10_000,
                        "REJECT_CARD_PAYMENT",
                        "declined",
                        NOW));

        assertThat(s.reasonCode()).isEqualTo("PAYMENT_DECLINED");
        assertThat(s.command().type()).isEqualTo(CouponTopics.RELEASE);
    }

    @Test
    void aChargeThePointsRefusedCancelsItsPaymentAndARefusedCancelLeavesTheSagaToOperators() {
        saga.start(order(null, 10_000L));
        saga.reply(PaymentTopics.APPROVED, approved());

        Step<CheckoutData> s = saga.reply(
                PointTopics.CHARGE_REJECTED,
                new PointsChargeRejected(ORDER, USER, 10_000, PointRejectionReason.INVALID_COMMAND, "no"));

        assertThat(s.reasonCode()).isEqualTo("POINT_CHARGE_REJECTED");
        assertThat(s.command().key()).isEqualTo("pk_approve_x");
        assertThat(s.command().payload())
                .isEqualTo(new CancelPaymentCommand("pk_approve_x", "order-900-failed", null, "Order 900 failed"));

        Step<CheckoutData> failed = saga.reply(
                PaymentTopics.CANCEL_FAILED,
                new PaymentCancelFailed(
                        901L,
                        "pk_approve_x",
                        PaymentPurpose.ORDER_CHARGE,
                        ORDER,
                        "order-900-failed",
                        null,
                        "NOT_CANCELLABLE",
                        "no"));
        assertThat(failed.status()).isEqualTo(SagaStatus.FAILED);
        assertThat(local.effects).containsExactly("stock reserved");
    }

    @Test
    void aRefusedCouponConfirmationRefundsTheUsedPointsFirst() {
        saga.start(order(COUPON, null));
        saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));
        saga.reply(PointTopics.USED, new PointsUsed(ORDER, USER, 37_000, 0, 2));

        Step<CheckoutData> s = saga.reply(
                CouponTopics.CONFIRMATION_REJECTED,
                new CouponConfirmationRejected(ORDER, COUPON, CouponRejectionReason.NOT_RESERVED, "no"));

        assertThat(s.reasonCode()).isEqualTo("COUPON_CONFIRMATION_REJECTED");
        assertThat(s.command().payload()).isEqualTo(new RefundPointsCommand(ORDER, USER, "ORDER_FAILED"));
        Step<CheckoutData> next = saga.reply(PointTopics.REFUNDED, new PointsRefunded(ORDER, USER, 37_000, 37_000, 3L));
        assertThat(next.command().type()).isEqualTo(CouponTopics.RELEASE);
    }

    @Test
    void aRejectedCouponIsNotReleasedButTheStockIs() {
        saga.start(order(COUPON, 10_000L));

        Step<CheckoutData> s = saga.reply(
                CouponTopics.RESERVATION_REJECTED,
                new CouponReservationRejected(ORDER, COUPON, CouponRejectionReason.EXPIRED, "expired"));

        assertThat(s.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(s.reasonCode()).isEqualTo("COUPON_NOT_APPLICABLE");
        assertThat(s.sent()).isEmpty();
        assertThat(local.effects).containsExactly("stock reserved", "stock released", "failed COUPON_NOT_APPLICABLE");
    }

    @Test
    void anUnansweredUseIsSentAgainThenCompensatedWithItsRefundAsItMayHaveHappened() {
        Step<CheckoutData> first = saga.start(order(null, null));

        Step<CheckoutData> retry = saga.deadline();
        assertThat(retry.status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(retry.attempts()).isEqualTo(2);
        assertThat(retry.command()).isEqualTo(first.command());
        assertThat(retry.deadline()).isEqualTo(Duration.ofSeconds(20));
        saga.deadline();

        Step<CheckoutData> s = saga.deadline();
        assertThat(s.status()).isEqualTo(SagaStatus.COMPENSATING);
        assertThat(s.reasonCode()).isEqualTo("DEADLINE_EXPIRED");
        assertThat(s.command().type()).isEqualTo(PointTopics.REFUND);

        saga.reply(PointTopics.REFUNDED, new PointsRefunded(ORDER, USER, 0, 0, null));
        assertThat(local.effects).containsExactly("stock reserved", "stock released", "failed DEADLINE_EXPIRED");
    }
}
