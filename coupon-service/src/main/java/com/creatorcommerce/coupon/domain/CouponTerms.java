package com.creatorcommerce.coupon.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an admin defines about a coupon. {@link #validate(Instant)} checks the rules that span fields (the web layer
 * checks single fields, ranges and presence first).
 *
 * @param totalQuantity {@code null} = unlimited
 * @param maxDiscountAmount PERCENTAGE only; {@code null} = no cap
 * @param validDaysAfterIssue user coupons expire this many days after issue (or at {@code validUntil} if earlier);
 *                            {@code null} = at {@code validUntil}
 */
public record CouponTerms(
        String name,
        DiscountType discountType,
        long discountValue,
        Long maxDiscountAmount,
        long minOrderAmount,
        Integer totalQuantity,
        Instant validFrom,
        Instant validUntil,
        Integer validDaysAfterIssue) {

    /** Amounts above this (1e12 KRW) are absurd. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    public static final int MAX_QUANTITY = 100_000_000;
    public static final int MAX_VALID_DAYS = 3650;

    public void validate(Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(new Violation("coupon_name", "must not be blank"));
        }
        if (discountType == null) {
            violations.add(new Violation("discount_type", "must be FIXED or PERCENTAGE"));
        }
        if (discountValue <= 0) {
            violations.add(new Violation("discount_value", "must be greater than 0"));
        } else if (discountType == DiscountType.PERCENTAGE && discountValue > 100) {
            violations.add(new Violation("discount_value", "must be at most 100 for a PERCENTAGE coupon"));
        } else if (discountValue > MAX_AMOUNT) {
            violations.add(new Violation("discount_value", "must be at most " + MAX_AMOUNT));
        }
        if (maxDiscountAmount != null) {
            if (discountType == DiscountType.FIXED) {
                violations.add(new Violation("max_discount_amount", "applies to PERCENTAGE coupons only"));
            } else if (maxDiscountAmount <= 0 || maxDiscountAmount > MAX_AMOUNT) {
                violations.add(new Violation("max_discount_amount", "must be between 1 and " + MAX_AMOUNT));
            }
        }
        if (minOrderAmount < 0 || minOrderAmount > MAX_AMOUNT) {
            violations.add(new Violation("min_order_amount", "must be between 0 and " + MAX_AMOUNT));
        }
        if (totalQuantity != null && (totalQuantity < 1 || totalQuantity > MAX_QUANTITY)) {
            violations.add(new Violation(
                    "total_quantity", "must be between 1 and " + MAX_QUANTITY + " (or absent for unlimited)"));
        }
        if (validFrom == null) {
            violations.add(new Violation("valid_from", "must not be null"));
        }
        if (validUntil == null) {
            violations.add(new Violation("valid_until", "must not be null"));
        } else if (validFrom != null && !validUntil.isAfter(validFrom)) {
            violations.add(new Violation("valid_until", "must be after valid_from"));
        } else if (!validUntil.isAfter(now)) {
            violations.add(new Violation("valid_until", "must be in the future"));
        }
        if (validDaysAfterIssue != null && (validDaysAfterIssue < 1 || validDaysAfterIssue > MAX_VALID_DAYS)) {
            violations.add(new Violation("valid_days_after_issue", "must be between 1 and " + MAX_VALID_DAYS));
        }
        if (!violations.isEmpty()) {
            throw new InvalidCouponException(violations);
        }
    }
}
