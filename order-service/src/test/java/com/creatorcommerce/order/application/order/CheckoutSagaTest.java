package com.creatorcommerce.order.application.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.ConfirmCouponCommand;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.CouponUseConfirmed;
import com.creatorcommerce.contracts.coupon.ReserveCouponCommand;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.order.domain.order.FailureCode;
import com.creatorcommerce.platform.saga.SagaCommand;
import com.creatorcommerce.platform.saga.SagaProbe.Step;
import com.creatorcommerce.platform.saga.SagaStatus;
import com.creatorcommerce.platform.saga.StepEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The charge-then-order saga going forward, as given state and reply → next command. */
class CheckoutSagaTest extends CheckoutSagaFixture {

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
    void theCouponsDiscountIsKeptAndThePaymentOfTheChargeIsConfirmedKeyedByItsPaymentKey() {
        saga.start(order(COUPON, 10_000L));

        Step<CheckoutData> s = saga.reply(CouponTopics.RESERVED, new CouponReserved(ORDER, COUPON, 3, 40_000, 3_000));

        assertThat(s.data().discountAmount()).isEqualTo(3_000);
        assertThat(s.step()).isEqualTo("confirm-payment");
        assertThat(s.deadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.command().topic()).isEqualTo(PaymentTopics.COMMANDS);
        assertThat(s.command().key()).isEqualTo("pk_approve_x");
        assertThat(s.command().payload())
                .isEqualTo(new ConfirmPaymentCommand("pk_approve_x", PaymentPurpose.ORDER_CHARGE, ORDER, USER, 10_000));
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

        Step<CheckoutData> done =
                saga.reply(CouponTopics.USE_CONFIRMED, new CouponUseConfirmed(ORDER, COUPON, 3_000, NOW));
        assertThat(done.status()).isEqualTo(SagaStatus.COMPLETED);
        assertThat(done.sent()).isEmpty();
        assertThat(local.effects).containsExactly("stock reserved", "completed");
        assertThat(local.completed.discountAmount()).isEqualTo(3_000);
        assertThat(local.completed.paymentId()).isEqualTo(901L);
        assertThat(local.completed.pointsCharged()).isTrue();
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
}
