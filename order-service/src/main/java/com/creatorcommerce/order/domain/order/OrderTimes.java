package com.creatorcommerce.order.domain.order;

import java.time.Instant;
import java.util.Objects;

/**
 * When an order was placed, last changed, completed and cancelled.
 *
 * @param completedAt null until it is COMPLETED
 * @param cancelledAt null until it is CANCELLED
 */
public record OrderTimes(Instant createdAt, Instant updatedAt, Instant completedAt, Instant cancelledAt) {

    public OrderTimes {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new order's. */
    public static OrderTimes placed(Instant now) {
        return new OrderTimes(now, now, null, null);
    }

    /** Changed now, neither completed nor cancelled by that change. */
    public OrderTimes touched(Instant now) {
        return new OrderTimes(createdAt, now, completedAt, cancelledAt);
    }

    public OrderTimes completed(Instant now) {
        return new OrderTimes(createdAt, now, now, cancelledAt);
    }

    public OrderTimes cancelled(Instant now) {
        return new OrderTimes(createdAt, now, completedAt, now);
    }
}
