package com.creatorcommerce.point.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A tombstone ({@code point_cancelled_payments}): the payment an order's points were to be bought with was cancelled
 * (its saga compensated). A CHARGE naming it is refused and credits nothing: points are never credited for money
 * that was given back. Written once, never changed.
 */
@Entity
@Table(name = "point_cancelled_payments")
public class CancelledPayment {

    @Id
    @Column(name = "payment_id")
    private long paymentId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "cancelled_at", updatable = false)
    private Instant cancelledAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected CancelledPayment() {}

    public static CancelledPayment of(long paymentId, long orderId, long userId, Instant cancelledAt, Instant now) {
        CancelledPayment c = new CancelledPayment();
        c.paymentId = paymentId;
        c.orderId = orderId;
        c.userId = userId;
        c.cancelledAt = cancelledAt;
        c.recordedAt = now;
        return c;
    }

    /** Why a CHARGE paid by a cancelled payment is refused; safe to show to the order saga. */
    public static String chargeRefusal(long paymentId) {
        return "Payment " + paymentId + " was cancelled: no points are credited for it";
    }

    public long paymentId() {
        return paymentId;
    }

    public long orderId() {
        return orderId;
    }

    public long userId() {
        return userId;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
