package com.creatorcommerce.point.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tombstone ({@code point_order_closures}): the order's points were refunded (its saga compensated) before any USE
 * of it arrived. A USE of a closed order is refused and debits nothing, the same guard as coupon-service's and
 * order-service's "released before reserved" markers. Written once, never changed.
 */
@Entity
@Table(name = "point_order_closures")
public class PointOrderClosure {

    private static final int REASON = 200;

    @Id
    @Column(name = "order_id")
    private long orderId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "closed_at", nullable = false, updatable = false)
    private Instant closedAt;

    protected PointOrderClosure() {}

    public static PointOrderClosure refundedBeforeUse(long orderId, long userId, String reason, Instant now) {
        PointOrderClosure c = new PointOrderClosure();
        c.orderId = orderId;
        c.userId = userId;
        c.reason = reason == null || reason.length() <= REASON ? reason : reason.substring(0, REASON);
        c.closedAt = now;
        return c;
    }

    /** A USE of a closed order is refused (nothing debited); this says why, safe to show to the order saga. */
    public static String useRefusal(long orderId) {
        return "Order " + orderId + " was refunded before this use arrived: nothing is debited";
    }

    public long orderId() {
        return orderId;
    }

    public long userId() {
        return userId;
    }

    public String reason() {
        return reason;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
