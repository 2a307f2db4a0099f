package com.creatorcommerce.coupon.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A coupon issued to a user (table {@code user_coupons}). Issuing inserts the row directly (see the application's
 * issuing); this entity carries the order lifecycle: reserve, confirm, release.
 */
@Entity
@Table(name = "user_coupons")
public class UserCoupon {

    @Id
    @Column(name = "user_coupon_id")
    private long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "coupon_id", nullable = false, updatable = false)
    private long couponId;

    @Column(name = "order_id")
    private Long orderId;

    @Column(name = "is_used", nullable = false)
    private boolean used;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "reserved_at")
    private Instant reservedAt;

    protected UserCoupon() {}

    /**
     * A newly issued, unused coupon. (The issue path writes the same row with one SQL statement, guarded by the
     * unique key; this factory is for code that builds the aggregate in memory.)
     */
    public static UserCoupon issued(long id, long userId, long couponId, Instant issuedAt, Instant expiresAt) {
        UserCoupon userCoupon = new UserCoupon();
        userCoupon.id = id;
        userCoupon.userId = userId;
        userCoupon.couponId = couponId;
        userCoupon.issuedAt = issuedAt;
        userCoupon.expiresAt = expiresAt;
        return userCoupon;
    }

    public UserCouponStatus status(Instant now) {
        if (used) {
            return UserCouponStatus.USED;
        }
        if (!now.isBefore(expiresAt)) {
            return UserCouponStatus.EXPIRED;
        }
        return orderId != null ? UserCouponStatus.RESERVED : UserCouponStatus.UNUSED;
    }

    public boolean ownedBy(long user) {
        return userId == user;
    }

    /**
     * Holds this coupon for {@code order}: owner, unused, not held by another order, not expired, order amount at
     * least the coupon's minimum. Returns the usage row with the discount.
     */
    public CouponUsage reserve(
            long usageId, long user, long order, long orderAmount, CouponSnapshot coupon, Instant now) {
        if (!ownedBy(user)) {
            throw new CouponRefusedException(CouponRefusal.NOT_OWNER, "The coupon belongs to another user.");
        }
        if (used) {
            throw new CouponRefusedException(
                    CouponRefusal.USER_COUPON_ALREADY_USED, "The coupon was already used by order " + orderId + ".");
        }
        if (orderId != null) {
            throw new CouponRefusedException(
                    CouponRefusal.USER_COUPON_RESERVED_BY_ANOTHER_ORDER, "The coupon is held by another order.");
        }
        if (!now.isBefore(expiresAt)) {
            throw new CouponRefusedException(
                    CouponRefusal.USER_COUPON_EXPIRED, "The coupon expired at " + expiresAt + ".");
        }
        if (orderAmount < coupon.minOrderAmount()) {
            throw new CouponRefusedException(
                    CouponRefusal.MIN_ORDER_AMOUNT_NOT_MET,
                    "The order amount " + orderAmount + " is below the coupon's minimum of " + coupon.minOrderAmount()
                            + ".");
        }
        long discount = coupon.discountFor(orderAmount);
        this.orderId = order;
        this.reservedAt = now;
        return CouponUsage.reserved(usageId, id, order, orderAmount, discount, now);
    }

    /** The order holding the reservation completed: the coupon is used. */
    public void confirm(CouponUsage usage, Instant now) {
        requireHeldBy(usage);
        usage.markUsed(now);
        this.used = true;
        this.usedAt = now;
    }

    /**
     * The order gave the coupon back: usable again (until it expires). Returns whether it had been used (confirmed)
     * rather than only reserved.
     */
    public boolean release(CouponUsage usage, Instant now, String reason) {
        requireHeldBy(usage);
        boolean wasUsed = usage.status() == UsageStatus.USED;
        usage.cancel(now, reason);
        this.orderId = null;
        this.reservedAt = null;
        this.used = false;
        this.usedAt = null;
        return wasUsed;
    }

    private void requireHeldBy(CouponUsage usage) {
        if (usage.userCouponId() != id
                || orderId == null
                || usage.orderId() != orderId
                || !usage.status().live()) {
            throw new IllegalStateException("Usage " + usage.id() + " is not the live use of user coupon " + id);
        }
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public long couponId() {
        return couponId;
    }

    public Long orderId() {
        return orderId;
    }

    public boolean used() {
        return used;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
