package com.creatorcommerce.coupon.domain;

/** How a coupon's {@code discount_value} reads: an amount in KRW, or a percentage of the order amount. */
public enum DiscountType {
    /** {@code discount_value} KRW off, never more than the order amount. */
    FIXED,
    /** {@code discount_value} percent (1..100) of the order amount, rounded down, capped by {@code max_discount_amount}. */
    PERCENTAGE;

    /**
     * The discount on an order of {@code orderAmount} KRW: {@code 0 <= discount <= orderAmount}.
     *
     * @param maxDiscountAmount cap for PERCENTAGE, {@code null} for none (ignored for FIXED)
     */
    public long discountFor(long value, Long maxDiscountAmount, long orderAmount) {
        if (orderAmount < 0) {
            throw new IllegalArgumentException("An order amount is never negative: " + orderAmount);
        }
        long discount = switch (this) {
            case FIXED -> value;
            // floor(orderAmount * value / 100) without overflow (value <= 100)
            case PERCENTAGE -> orderAmount / 100 * value + orderAmount % 100 * value / 100;
        };
        if (this == PERCENTAGE && maxDiscountAmount != null) {
            discount = Math.min(discount, maxDiscountAmount);
        }
        return Math.min(discount, orderAmount);
    }
}
