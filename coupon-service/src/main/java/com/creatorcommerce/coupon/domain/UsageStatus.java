package com.creatorcommerce.coupon.domain;

/** {@code coupon_usage_history.status}. */
public enum UsageStatus {
    /** The order holds the coupon (saga in progress). */
    RESERVED,
    /** The order completed with the coupon. */
    USED,
    /** The order released it (failed or cancelled), or released before any reserve (tombstone). */
    CANCELLED;

    public boolean live() {
        return this != CANCELLED;
    }
}
