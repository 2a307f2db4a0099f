package com.creatorcommerce.coupon.domain;

/** Where a user coupon stands, derived from {@code is_used}, {@code order_id} and {@code expires_at}. */
public enum UserCouponStatus {
    /** Usable. */
    UNUSED,
    /** Held by an order that has not finished (not usable for another order meanwhile). */
    RESERVED,
    USED,
    /** Past {@code expires_at} without being used. */
    EXPIRED
}
