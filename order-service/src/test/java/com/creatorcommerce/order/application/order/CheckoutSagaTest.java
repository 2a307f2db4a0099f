package com.creatorcommerce.order.application.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.ConfirmCouponCommand;
import com.creatorcommerce.contracts.coupon.CouponConfirmationRejected;
import com.creatorcommerce.contracts.coupon.CouponRejectionReason;
import com.creatorcommerce.contracts.coupon.CouponReservationRejected;
import com.creatorcommerce.contracts.coupon.CouponReservationReleased;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.CouponUseConfirmed;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.coupon.ReserveCouponCommand;
import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointRejectionReason;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.order.domain.order.FailureCode;
import com.creatorcommerce.platform.saga.SagaCommand;
import com.creatorcommerce.platform.saga.SagaProbe;
import com.creatorcommerce.platform.saga.SagaProbe.Step;
import com.creatorcommerce.platform.saga.SagaStatus;
import com.creatorcommerce.platform.saga.StepEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charge-then-order saga as given state and reply → next command, on the library's state machine. */
class CheckoutSagaTest {

    private static final long ORDER = 900;
    private static final long USER = 7;
    private static final long COUPON = 55;
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final OrderSagaProperties PROPS = new OrderSagaProperties(Duration.ofSeconds(10), 3,
            Duration.ofMinutes(2), 2, 4);

    /** The local side, recorded. */
    private static final class Recorder implements CheckoutSaga.Local {
        final List<String> effects = new ArrayList<>();
        FailureCode stockRefusal;
        CheckoutData completed;

        @Override
        public FailureCode reserveStock(CheckoutData data) {
            effects.add(stockRefusal == null ? "stock reserved" : "stock refused");
            return stockRefusal;
        }

        @Override
        public void releaseStock(long orderId) {
            effects.add("stock released");
        }

        @Override
        public void completed(CheckoutData data) {
            completed = data;
            effects.add("completed");
        }

        @Override
        public void failed(CheckoutData data, String reasonCode) {
            effects.add("failed " + reasonCode);
        }
    }

    private final Recorder local = new Recorder();
    private final SagaProbe<CheckoutData> saga = new SagaProbe<>(CheckoutSaga.definition(local, PROPS));

    private static CheckoutData order(Long coupon, Long charge) {
        return new CheckoutData(ORDER, USER, List.of(new CheckoutData.Line(11, 2)), 40_000, coupon, 0, charge,
                charge == null ? null : "pk_approve_x", null, false);
    }

    @Test
    void startReservesStockThenAsksCouponServiceToReserveTheCouponKeyedByTheUserCoupon() {
        Step<CheckoutData> s = saga.start(order(COUPON, 10_000L));

        assertThat(local.effects).containsExactly("stock reserved");
        assertThat(s.status()).isEqualTo(SagaStatus.RUNNING);
        assertThat(s.step()).isEqualTo("reserve-coupon");
        assertThat(s.deadline()).isEqualTo(Duration.ofSeconds(10));
        SagaCommand c = s.command();
        assertThat(c.topic()).isEqualTo(CouponTopics.COMMANDS);
        assertThat(c.key()).isEqualTo("55");
        assertThat(c.type()).isEqualTo(CouponTopics.RESERVE);
        assertThat(c.userId()).isEqualTo(USER);
        assertThat(c.payload()).isEqualTo(new ReserveCouponCommand(ORDER, USER, COUPON, 40_000));
    }

    @Test
    void withoutCouponOrChargeTheFirstCommandUsesTheTotalInPointsKeyedByTheOrder() {
        Step<CheckoutData> s = saga.start(order(null, null));

        assertThat(s.step()).isEqualTo("use-points");
        assertThat(s.command().topic()).isEqualTo(PointTopics.COMMANDS);
        assertThat(s.command().key()).isEqualTo("900");
        assertThat(s.command().payload()).isEqualTo(new UsePointsCommand(ORDER, USER, 40_000));
        assertThat(s.events()).contains(StepEvent.SKIPPED);
    }

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
    void theCouponsDiscountIsKeptAndThePaymentOfTheChargeIsConfirmedKeyedByItsPaymentKey() {
        saga.start(order(COUPON, 10_000L));

        Step<CheckoutData> s = saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));

        assertThat(s.data().discountAmount()).isEqualTo(3_000);
        assertThat(s.step()).isEqualTo("confirm-payment");
        assertThat(s.deadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.command().topic()).isEqualTo(PaymentTopics.COMMANDS);
        assertThat(s.command().key()).isEqualTo("pk_approve_x");
        assertThat(s.command().payload()).isEqualTo(new ConfirmPaymentCommand("pk_approve_x",
                PaymentPurpose.ORDER_CHARGE, ORDER, USER, 10_000));
    }

    @Test
    void aDiscountAboveTheTotalCountsAsTheTotalAndNothingIsLeftToPayInPoints() {
        saga.start(order(COUPON, null));

        Step<CheckoutData> s = saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 90_000));

        assertThat(s.data().discountAmount()).isEqualTo(40_000);
        assertThat(s.step()).as("use-points is skipped for a final amount of 0").isEqualTo("confirm-coupon");
        assertThat(s.command().payload()).isEqualTo(new ConfirmCouponCommand(ORDER, USER, COUPON));
    }

    @Test
    void theHappyPathChargesUsesTheFinalAmountConfirmsTheCouponAndCompletes() {
        saga.start(order(COUPON, 10_000L));
        saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));

        Step<CheckoutData> charge = saga.reply(PaymentTopics.APPROVED, approved());
        assertThat(charge.command().payload()).isEqualTo(new ChargePointsCommand(ORDER, USER, 10_000, 901L));
        assertThat(charge.command().key()).isEqualTo("900");

        Step<CheckoutData> use = saga.reply(PointTopics.CHARGED, new PointsCharged(ORDER, USER, 10_000, 12_000, 1));
        assertThat(use.data().pointsCharged()).isTrue();
        assertThat(use.command().payload()).isEqualTo(new UsePointsCommand(ORDER, USER, 37_000));

        Step<CheckoutData> confirm = saga.reply(PointTopics.USED, new PointsUsed(ORDER, USER, 37_000, 0, 2));
        assertThat(confirm.command().type()).isEqualTo(CouponTopics.CONFIRM);

        Step<CheckoutData> done = saga.reply(CouponTopics.USE_CONFIRMED, new CouponUseConfirmed(ORDER, COUPON, 3_000,
                NOW));
        assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(done.sent()).isEmpty();
        assertThat(local.effects).containsExactly("stock reserved", "completed");
        assertThat(local.completed.discountAmount()).isEqualTo(3_000);
        assertThat(local.completed.paymentId()).isEqualTo(901L);
        assertThat(local.completed.pointsCharged()).isTrue();
    }

    @Test
    void insufficientPointsKeepTheBoughtPointsSoThePaymentIsNotCancelledButTheCouponAndStockAreReleased() {
        saga.start(order(COUPON, 10_000L));
        saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));
        saga.reply(PaymentTopics.APPROVED, approved());
        saga.reply(PointTopics.CHARGED, new PointsCharged(ORDER, USER, 10_000, 12_000, 1));

        Step<CheckoutData> s = saga.reply(PointTopics.USE_REJECTED, new PointsUseRejected(ORDER, USER, 37_000,
                12_000, PointRejectionReason.INSUFFICIENT_POINTS, "short"));

        assertThat(s.status()).isEqualTo(SagaStatus.COMPENSATING);
        assertThat(s.reasonCode()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(s.events()).contains(StepEvent.COMPENSATION_SKIPPED);
        assertThat(s.command().type()).as("no payment cancel: the points stay").isEqualTo(CouponTopics.RELEASE);
        assertThat(s.command().payload()).isEqualTo(new ReleaseCouponCommand(ORDER, USER, COUPON, "ORDER_FAILED"));

        Step<CheckoutData> end = saga.reply(CouponTopics.RESERVATION_RELEASED,
                new CouponReservationReleased(ORDER, COUPON, true));
        assertThat(end.status()).isEqualTo(SagaStatus.COMPENSATED);
        assertThat(local.effects).containsExactly("stock reserved", "stock released", "failed INSUFFICIENT_POINTS");
    }

    @Test
    void aDeclinedPaymentReleasesTheCouponAndCancelsNothingAtThePg() {
        saga.start(order(COUPON, 10_000L));
        saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));

        Step<CheckoutData> s = saga.reply(PaymentTopics.FAILED, new PaymentFailed(null, "pk_approve_x",
                PaymentPurpose.ORDER_CHARGE, ORDER, USER, 10_000, "REJECT_CARD_PAYMENT", "declined", NOW));

        assertThat(s.reasonCode()).isEqualTo("PAYMENT_DECLINED");
        assertThat(s.command().type()).isEqualTo(CouponTopics.RELEASE);
    }

    @Test
    void aChargeThePointsRefusedCancelsItsPaymentAndARefusedCancelLeavesTheSagaToOperators() {
        saga.start(order(null, 10_000L));
        saga.reply(PaymentTopics.APPROVED, approved());

        Step<CheckoutData> s = saga.reply(PointTopics.CHARGE_REJECTED, new PointsChargeRejected(ORDER, USER, 10_000,
                PointRejectionReason.INVALID_COMMAND, "no"));

        assertThat(s.reasonCode()).isEqualTo("POINT_CHARGE_REJECTED");
        assertThat(s.command().key()).isEqualTo("pk_approve_x");
        assertThat(s.command().payload()).isEqualTo(new CancelPaymentCommand("pk_approve_x", "order-900-failed", null,
                "Order 900 failed"));

        Step<CheckoutData> failed = saga.reply(PaymentTopics.CANCEL_FAILED, new PaymentCancelFailed(901L,
                "pk_approve_x", PaymentPurpose.ORDER_CHARGE, ORDER, "order-900-failed", null, "NOT_CANCELLABLE", "no"));
        assertThat(failed.status()).isEqualTo(SagaStatus.FAILED);
        assertThat(local.effects).containsExactly("stock reserved");
    }

    @Test
    void aRefusedCouponConfirmationRefundsTheUsedPointsFirst() {
        saga.start(order(COUPON, null));
        saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));
        saga.reply(PointTopics.USED, new PointsUsed(ORDER, USER, 37_000, 0, 2));

        Step<CheckoutData> s = saga.reply(CouponTopics.CONFIRMATION_REJECTED, new CouponConfirmationRejected(ORDER,
                COUPON, CouponRejectionReason.NOT_RESERVED, "no"));

        assertThat(s.reasonCode()).isEqualTo("COUPON_CONFIRMATION_REJECTED");
        assertThat(s.command().payload()).isEqualTo(new RefundPointsCommand(ORDER, USER, "ORDER_FAILED"));
        Step<CheckoutData> next = saga.reply(PointTopics.REFUNDED, new PointsRefunded(ORDER, USER, 37_000, 37_000, 3L));
        assertThat(next.command().type()).isEqualTo(CouponTopics.RELEASE);
    }

    @Test
    void aRejectedCouponIsNotReleasedButTheStockIs() {
        saga.start(order(COUPON, 10_000L));

        Step<CheckoutData> s = saga.reply(CouponTopics.RESERVATION_REJECTED, new CouponReservationRejected(ORDER,
                COUPON, CouponRejectionReason.EXPIRED, "expired"));

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

    @Test
    void aReplyAfterTheSagaEndedIsLoggedAndChangesNothing() {
        saga.start(order(null, null));
        saga.reply(PointTopics.USED, new PointsUsed(ORDER, USER, 40_000, 0, 2));

        Step<CheckoutData> again = saga.reply(PointTopics.USED, new PointsUsed(ORDER, USER, 40_000, 0, 2));

        assertThat(again.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(again.events()).containsExactly(StepEvent.LATE_REPLY_IGNORED);
        assertThat(again.sent()).isEmpty();
        assertThat(local.effects).containsExactly("stock reserved", "completed");
    }

    @Test
    void sagaReasonsReadAsTheOrdersFailureCodes() {
        assertThat(OrderSagaSteps.failureOf("DEADLINE_EXPIRED")).isEqualTo(FailureCode.TIMED_OUT);
        assertThat(OrderSagaSteps.failureOf("COMPENSATED_BY_OPERATOR")).isEqualTo(FailureCode.CANCELLED_BY_OPERATOR);
        assertThat(OrderSagaSteps.failureOf("INSUFFICIENT_POINTS")).isEqualTo(FailureCode.INSUFFICIENT_POINTS);
    }

    private static PaymentApproved approved() {
        return new PaymentApproved(901, "pk_approve_x", PaymentPurpose.ORDER_CHARGE, ORDER, USER, 10_000, NOW);
    }
}
