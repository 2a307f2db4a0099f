package com.creatorcommerce.order.application.order;

import com.creatorcommerce.contracts.coupon.ConfirmCouponCommand;
import com.creatorcommerce.contracts.coupon.CouponConfirmationRejected;
import com.creatorcommerce.contracts.coupon.CouponReservationRejected;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.coupon.ReserveCouponCommand;
import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointRejectionReason;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.order.domain.order.FailureCode;
import com.creatorcommerce.platform.saga.SagaCommand;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaReason;
import com.creatorcommerce.platform.saga.StepOutcome;

/**
 * The charge-then-order saga ({@code order.checkout}, ADR 11): reserve stock (local, in the transaction that places
 * the order) → reserve the coupon → confirm the payment of the charge → credit the points bought → use the final
 * amount in points → confirm the coupon → COMPLETED. A refusal or an unanswered step compensates what ran, newest
 * first: points refunded, the payment cancelled unless its points were already credited (they stay: a completed
 * purchase of points), the coupon released, stock released; the order ends CANCELLED with the reason.
 *
 * <p>Commands are keyed as each participant's contract says: the user coupon id (coupon), the payment key
 * (payment), the order id (points). Coupon and point commands are idempotent per order at the participant and
 * re-sent on a deadline; the payment confirm too (its payment key is never charged twice).
 */
public final class CheckoutSaga {

    public static final String TYPE = "order.checkout";

    /** What the saga does in this service's own transactions. */
    public interface Local {

        /** Reserves the order's stock; null when reserved, else why not (nothing is taken then). */
        FailureCode reserveStock(CheckoutData data);

        /** Gives the order's stock back (idempotent; copes with a reservation that never happened). */
        void releaseStock(long orderId);

        /** The order is COMPLETED. */
        void completed(CheckoutData data);

        /**
         * The order is CANCELLED for the reason's code (a {@link FailureCode} name or a library reason), with its
         * detail (what the refusing service said, or which step went unanswered).
         */
        void failed(CheckoutData data, SagaReason reason);
    }

    private CheckoutSaga() {}

    public static SagaDefinition<CheckoutData> definition(Local local, OrderSagaProperties p) {
        return SagaDefinition.builder(TYPE, CheckoutData.class)
                .step(
                        "reserve-stock",
                        s -> s.action(d -> {
                                    FailureCode refused = local.reserveStock(d);
                                    return refused == null
                                            ? StepOutcome.success(d)
                                            : StepOutcome.failure(refused.name());
                                })
                                .compensateLocally(d -> local.releaseStock(d.orderId())))
                .step(
                        "reserve-coupon",
                        s -> s.when(CheckoutData::hasCoupon)
                                .command(d -> coupon(
                                        d,
                                        CouponTopics.RESERVE,
                                        new ReserveCouponCommand(
                                                d.orderId(), d.userId(), d.userCouponId(), d.totalAmount())))
                                .onSuccess(
                                        CouponTopics.RESERVED,
                                        CouponReserved.class,
                                        (d, r) -> d.withDiscount(r.discountAmount()))
                                .onFailure(
                                        CouponTopics.RESERVATION_REJECTED,
                                        CouponReservationRejected.class,
                                        r -> FailureCode.COUPON_NOT_APPLICABLE.name(),
                                        CouponReservationRejected::detail)
                                .compensateWith(
                                        d -> coupon(
                                                d,
                                                CouponTopics.RELEASE,
                                                new ReleaseCouponCommand(
                                                        d.orderId(), d.userId(), d.userCouponId(), "ORDER_FAILED")),
                                        CouponTopics.RESERVATION_RELEASED)
                                .deadline(p.participantDeadline())
                                .retryable(p.participantAttempts()))
                .step(
                        "confirm-payment",
                        s -> s.when(CheckoutData::hasCharge)
                                .command(d -> payment(
                                        d,
                                        PaymentTopics.CONFIRM,
                                        new ConfirmPaymentCommand(
                                                d.paymentKey(),
                                                PaymentPurpose.ORDER_CHARGE,
                                                d.orderId(),
                                                d.userId(),
                                                d.chargeAmount())))
                                .onSuccess(
                                        PaymentTopics.APPROVED,
                                        PaymentApproved.class,
                                        (d, r) -> d.withPayment(r.paymentId()))
                                .onFailure(
                                        PaymentTopics.FAILED,
                                        PaymentFailed.class,
                                        r -> FailureCode.PAYMENT_DECLINED.name(),
                                        PaymentFailed::failureMessage)
                                // points already credited stay in the wallet: their payment is then not cancelled
                                .compensateWith(
                                        d -> d.pointsCharged()
                                                ? null
                                                : payment(
                                                        d,
                                                        PaymentTopics.CANCEL,
                                                        new CancelPaymentCommand(
                                                                d.paymentKey(),
                                                                cancelRequestId(d.orderId()),
                                                                null,
                                                                "Order " + d.orderId() + " failed")),
                                        PaymentTopics.CANCELLED)
                                .compensationFailsOn(PaymentTopics.CANCEL_FAILED)
                                .deadline(p.paymentDeadline())
                                .retryable(p.paymentAttempts()))
                .step(
                        "charge-points",
                        s -> s.when(CheckoutData::hasCharge)
                                .command(d -> points(
                                        d,
                                        PointTopics.CHARGE,
                                        new ChargePointsCommand(
                                                d.orderId(), d.userId(), d.chargeAmount(), d.paymentId())))
                                .onSuccess(PointTopics.CHARGED, PointsCharged.class, (d, r) -> d.withPointsCharged())
                                .onFailure(
                                        PointTopics.CHARGE_REJECTED,
                                        PointsChargeRejected.class,
                                        r -> FailureCode.POINT_CHARGE_REJECTED.name(),
                                        PointsChargeRejected::detail)
                                .deadline(p.participantDeadline())
                                .retryable(p.participantAttempts()))
                .step(
                        "use-points",
                        s -> s.when(d -> d.finalAmount() > 0)
                                .command(d -> points(
                                        d,
                                        PointTopics.USE,
                                        new UsePointsCommand(d.orderId(), d.userId(), d.finalAmount())))
                                .onSuccess(PointTopics.USED)
                                .onFailure(
                                        PointTopics.USE_REJECTED,
                                        PointsUseRejected.class,
                                        r -> r.reason() == PointRejectionReason.INSUFFICIENT_POINTS
                                                ? FailureCode.INSUFFICIENT_POINTS.name()
                                                : FailureCode.POINTS_USE_REJECTED.name(),
                                        PointsUseRejected::detail)
                                .compensateWith(
                                        d -> points(
                                                d,
                                                PointTopics.REFUND,
                                                new RefundPointsCommand(d.orderId(), d.userId(), "ORDER_FAILED")),
                                        PointTopics.REFUNDED)
                                .deadline(p.participantDeadline())
                                .retryable(p.participantAttempts()))
                .step(
                        "confirm-coupon",
                        s -> s.when(CheckoutData::hasCoupon)
                                .command(d -> coupon(
                                        d,
                                        CouponTopics.CONFIRM,
                                        new ConfirmCouponCommand(d.orderId(), d.userId(), d.userCouponId())))
                                .onSuccess(CouponTopics.USE_CONFIRMED)
                                .onFailure(
                                        CouponTopics.CONFIRMATION_REJECTED,
                                        CouponConfirmationRejected.class,
                                        r -> FailureCode.COUPON_CONFIRMATION_REJECTED.name(),
                                        CouponConfirmationRejected::detail)
                                .deadline(p.participantDeadline())
                                .retryable(p.participantAttempts()))
                .onCompleted(local::completed)
                .onCompensatedWith(local::failed)
                .build();
    }

    /** The payment cancel's idempotency key: one per order, whatever re-sends it. */
    public static String cancelRequestId(long orderId) {
        return "order-" + orderId + "-failed";
    }

    private static SagaCommand coupon(CheckoutData d, String type, Object payload) {
        return SagaCommand.of(CouponTopics.COMMANDS, Long.toString(d.userCouponId()), type, payload)
                .withUserId(d.userId());
    }

    private static SagaCommand payment(CheckoutData d, String type, Object payload) {
        return SagaCommand.of(PaymentTopics.COMMANDS, d.paymentKey(), type, payload)
                .withUserId(d.userId());
    }

    private static SagaCommand points(CheckoutData d, String type, Object payload) {
        return SagaCommand.of(PointTopics.COMMANDS, Long.toString(d.orderId()), type, payload)
                .withUserId(d.userId());
    }
}
