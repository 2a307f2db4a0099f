package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.saga.ReplyRule.PayloadReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A checkout-like saga for the state machine tests: a local step, a retryable remote step, an optional non-retryable
 * remote step whose compensation can fail, and a last remote step without compensation. The local effects and the
 * end hooks are recorded in {@link #effects}.
 */
final class CheckoutSagaFixture {

    static final String COUPONS = "coupon.commands";
    static final String PAYMENTS = "payment.commands";

    record Checkout(long orderId, boolean charge, boolean stockAvailable, long discount) {
        Checkout withDiscount(long d) {
            return new Checkout(orderId, charge, stockAvailable, d);
        }
    }

    record ReserveCoupon(long orderId) {}

    record CouponReserved(long discount) {}

    record CouponRejected(String reason) {}

    record Release(long orderId) {}

    final List<String> effects = new ArrayList<>();

    final SagaDefinition<Checkout> definition = SagaDefinition.builder("order.checkout", Checkout.class)
            .step(
                    "reserve-stock",
                    s -> s.action(d -> {
                                if (!d.stockAvailable()) {
                                    return StepOutcome.failure("OUT_OF_STOCK");
                                }
                                effects.add("stock reserved " + d.orderId());
                                return StepOutcome.success(d);
                            })
                            .compensateLocally(d -> effects.add("stock released " + d.orderId())))
            .step(
                    "reserve-coupon",
                    s -> s.command(d -> SagaCommand.of(
                                    COUPONS, key(d), "coupon.reserve.v1", new ReserveCoupon(d.orderId())))
                            .onSuccess(
                                    "coupon.reserved.v1", CouponReserved.class, (d, r) -> d.withDiscount(r.discount()))
                            .onFailure("coupon.rejected.v1", CouponRejected.class, CouponRejected::reason)
                            .compensateWith(
                                    d -> SagaCommand.of(COUPONS, key(d), "coupon.release.v1", new Release(d.orderId())),
                                    "coupon.released.v1")
                            .deadline(Duration.ofSeconds(10))
                            .retryable(3))
            .step(
                    "confirm-payment",
                    s -> s.when(Checkout::charge)
                            .command(d ->
                                    SagaCommand.of(PAYMENTS, key(d), "payment.confirm.v1", new Release(d.orderId())))
                            .onSuccess("payment.approved.v1")
                            .onFailure("payment.failed.v1", "PAYMENT_FAILED")
                            .compensateWith(
                                    d -> SagaCommand.of(
                                            PAYMENTS, key(d), "payment.cancel.v1", new Release(d.orderId())),
                                    "payment.cancelled.v1")
                            .compensationFailsOn("payment.cancel-failed.v1")
                            .compensationAttempts(2)
                            .deadline(Duration.ofSeconds(30)))
            .step(
                    "confirm-coupon",
                    s -> s.command(d -> SagaCommand.of(COUPONS, key(d), "coupon.confirm.v1", new Release(d.orderId())))
                            .onSuccess("coupon.confirmed.v1")
                            .deadline(Duration.ofSeconds(10)))
            .onCompleted(d -> effects.add("completed " + d.orderId()))
            .onCompensated((d, reason) -> effects.add("compensated " + d.orderId() + " " + reason))
            .build();

    final SagaStateMachine<Checkout> machine = new SagaStateMachine<>(definition);

    static String key(Checkout d) {
        return Long.toString(d.orderId());
    }

    static Checkout checkout(boolean charge) {
        return new Checkout(42, charge, true, 0);
    }

    /** A saga in {@code status} on {@code step}, after the given steps executed and compensated. */
    SagaState<Checkout> state(
            SagaStatus status,
            String step,
            int attempts,
            Checkout data,
            List<String> executed,
            List<String> compensated,
            String reason) {
        return new SagaState<>(
                7,
                definition.type(),
                status,
                step == null ? -1 : definition.indexOf(step),
                data,
                attempts,
                reason,
                null,
                null,
                executed,
                compensated);
    }

    static SagaReply reply(String type, Object payload) {
        return reply(type, payload, null);
    }

    static SagaReply reply(String type, Object payload, String causationId) {
        PayloadReader reader = new PayloadReader() {
            @Override
            public <R> R read(Class<R> t) {
                return t.cast(payload);
            }
        };
        return new SagaReply(type, "reply-" + type, causationId, reader);
    }
}
