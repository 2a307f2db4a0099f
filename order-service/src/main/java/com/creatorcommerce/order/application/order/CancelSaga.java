package com.creatorcommerce.order.application.order;

import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.platform.saga.SagaCommand;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaReason;
import com.creatorcommerce.platform.saga.StepOutcome;

/**
 * The order-cancel saga ({@code order.cancel}) of a COMPLETED order: refund the points it used → release its coupon
 * (usable again while valid) → restore its stock (local) → CANCELLED. It only goes forward: the steps have no
 * compensations, and both participants always answer with success (a refund of nothing, a release of nothing). A
 * step left unanswered after its re-sends ends the saga (reason {@code DEADLINE_EXPIRED}): the order stays
 * COMPLETED with the reason and can be cancelled again, which repeats every step harmlessly (each is idempotent per
 * order at its participant). The saga is forward-only (ADR 11): such a step parks it FAILED, visible to operators, who
 * can retry it; if it then finishes (or a late reply resumes it), the order is CANCELLED after all.
 */
public final class CancelSaga {

    public static final String TYPE = "order.cancel";

    /** What the saga does in this service's own transactions. */
    public interface Local {

        /** Gives the order's stock back (idempotent). */
        void restoreStock(long orderId);

        /** The order is CANCELLED. */
        void cancelled(CancelData data);

        /**
         * The cancellation could not finish (its saga is parked FAILED for an operator): the order stays COMPLETED
         * with the reason, and may be cancelled again. May be told again after an operator's retry fails again.
         */
        void cancelFailed(CancelData data, SagaReason reason);
    }

    private CancelSaga() {}

    public static SagaDefinition<CancelData> definition(Local local, OrderSagaProperties p) {
        return SagaDefinition.builder(TYPE, CancelData.class)
                .step(
                        "refund-points",
                        s -> s.when(d -> d.finalAmount() > 0)
                                .command(d -> SagaCommand.of(
                                                PointTopics.COMMANDS,
                                                Long.toString(d.orderId()),
                                                PointTopics.REFUND,
                                                new RefundPointsCommand(d.orderId(), d.userId(), "ORDER_CANCELLED"))
                                        .withUserId(d.userId()))
                                .onSuccess(PointTopics.REFUNDED)
                                .deadline(p.participantDeadline())
                                .retryable(p.cancelAttempts()))
                .step(
                        "release-coupon",
                        s -> s.when(CancelData::hasCoupon)
                                .command(d -> SagaCommand.of(
                                                CouponTopics.COMMANDS,
                                                Long.toString(d.userCouponId()),
                                                CouponTopics.RELEASE,
                                                new ReleaseCouponCommand(
                                                        d.orderId(), d.userId(), d.userCouponId(), "ORDER_CANCELLED"))
                                        .withUserId(d.userId()))
                                .onSuccess(CouponTopics.RESERVATION_RELEASED)
                                .deadline(p.participantDeadline())
                                .retryable(p.cancelAttempts()))
                .step(
                        "restore-stock",
                        s -> s.action(d -> {
                            local.restoreStock(d.orderId());
                            return StepOutcome.success(d);
                        }))
                .forwardOnly()
                .onCompleted(local::cancelled)
                .onFailed((d, reason) -> local.cancelFailed(d, reason))
                .build();
    }
}
