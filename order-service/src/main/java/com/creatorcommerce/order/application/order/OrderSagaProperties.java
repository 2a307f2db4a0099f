package com.creatorcommerce.order.application.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code order.saga.*}: how long the order sagas wait for their participants.
 *
 * @param participantDeadline first wait for a coupon or point reply (default 30 s); every re-send waits twice as
 *     long as the one before
 * @param participantAttempts sends of a coupon or point command before the checkout compensates (default 3)
 * @param paymentDeadline first wait for payment-service (default 2 min: the PG can be slow, and payment-service
 *     resolves unknown outcomes itself before it answers)
 * @param paymentAttempts sends of the payment confirm (default 3; the same payment key is never charged twice)
 * @param cancelAttempts sends of each order-cancel command (default 8, about two hours with the default deadline):
 *     the cancellation only goes forward; when a step stays unanswered the order keeps COMPLETED with the reason and
 *     can be cancelled again
 */
@ConfigurationProperties("order.saga")
public record OrderSagaProperties(
        Duration participantDeadline,
        Integer participantAttempts,
        Duration paymentDeadline,
        Integer paymentAttempts,
        Integer cancelAttempts) {

    public OrderSagaProperties {
        participantDeadline = participantDeadline == null ? Duration.ofSeconds(30) : participantDeadline;
        participantAttempts = participantAttempts == null ? 3 : participantAttempts;
        paymentDeadline = paymentDeadline == null ? Duration.ofMinutes(2) : paymentDeadline;
        paymentAttempts = paymentAttempts == null ? 3 : paymentAttempts;
        cancelAttempts = cancelAttempts == null ? 8 : cancelAttempts;
        if (participantDeadline.isNegative()
                || participantDeadline.isZero()
                || paymentDeadline.isNegative()
                || paymentDeadline.isZero()) {
            throw new IllegalArgumentException("order.saga deadlines must be positive");
        }
        if (participantAttempts < 1 || paymentAttempts < 1 || cancelAttempts < 1) {
            throw new IllegalArgumentException("order.saga attempts must be at least 1");
        }
    }

    /** The defaults, for use outside Spring. */
    public static OrderSagaProperties defaults() {
        return new OrderSagaProperties(null, null, null, null, null);
    }
}
