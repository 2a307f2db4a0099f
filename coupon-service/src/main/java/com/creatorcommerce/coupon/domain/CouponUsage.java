package com.creatorcommerce.coupon.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One order's use of one user coupon (table {@code coupon_usage_history}): RESERVED, then USED or CANCELLED. */
@Entity
@Table(name = "coupon_usage_history")
public class CouponUsage {

    @Id
    @Column(name = "usage_id")
    private long id;

    @Column(name = "user_coupon_id", nullable = false, updatable = false)
    private long userCouponId;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "order_amount", nullable = false, updatable = false)
    private long orderAmount;

    @Column(name = "discount_amount", nullable = false, updatable = false)
    private long discountAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private UsageStatus status;

    @Column(name = "reserved_at")
    private Instant reservedAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancel_reason", length = 100)
    private String cancelReason;

    protected CouponUsage() {}

    static CouponUsage reserved(
            long id, long userCouponId, long orderId, long orderAmount, long discountAmount, Instant now) {
        CouponUsage usage = new CouponUsage();
        usage.id = id;
        usage.userCouponId = userCouponId;
        usage.orderId = orderId;
        usage.orderAmount = orderAmount;
        usage.discountAmount = discountAmount;
        usage.status = UsageStatus.RESERVED;
        usage.reservedAt = now;
        return usage;
    }

    /** A release that arrived before any reserve of this order: a later reserve for the order is refused. */
    public static CouponUsage releasedBeforeReserve(
            long id, long userCouponId, long orderId, String reason, Instant now) {
        CouponUsage usage = new CouponUsage();
        usage.id = id;
        usage.userCouponId = userCouponId;
        usage.orderId = orderId;
        usage.status = UsageStatus.CANCELLED;
        usage.cancelledAt = now;
        usage.cancelReason = truncate(reason);
        return usage;
    }

    void markUsed(Instant now) {
        if (status != UsageStatus.RESERVED) {
            throw new IllegalStateException("Only a reservation can become a use, not " + status);
        }
        status = UsageStatus.USED;
        usedAt = now;
    }

    void cancel(Instant now, String reason) {
        if (!status.live()) {
            throw new IllegalStateException("Already cancelled");
        }
        status = UsageStatus.CANCELLED;
        cancelledAt = now;
        cancelReason = truncate(reason);
    }

    private static String truncate(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return reason.length() <= 100 ? reason : reason.substring(0, 100);
    }

    public long id() {
        return id;
    }

    public long userCouponId() {
        return userCouponId;
    }

    public long orderId() {
        return orderId;
    }

    public long orderAmount() {
        return orderAmount;
    }

    public long discountAmount() {
        return discountAmount;
    }

    public UsageStatus status() {
        return status;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
