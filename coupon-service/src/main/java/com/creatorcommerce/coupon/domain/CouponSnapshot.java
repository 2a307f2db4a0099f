package com.creatorcommerce.coupon.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An immutable read of a coupon at one moment: the rules of issuing and discounting evaluated on it. The issued
 * quantity it carries may be stale: issuing relies on the database's conditional update, never on this count alone.
 */
public record CouponSnapshot(
        long id,
        String name,
        DiscountType discountType,
        long discountValue,
        Long maxDiscountAmount,
        long minOrderAmount,
        Integer totalQuantity,
        int issuedQuantity,
        Instant validFrom,
        Instant validUntil,
        Integer validDaysAfterIssue,
        boolean active) {

    public boolean unlimited() {
        return totalQuantity == null;
    }

    public boolean soldOut() {
        return totalQuantity != null && issuedQuantity >= totalQuantity;
    }

    /** {@code null} for an unlimited coupon. */
    public Integer remainingQuantity() {
        return totalQuantity == null ? null : Math.max(0, totalQuantity - issuedQuantity);
    }

    /** Why this coupon cannot be issued at {@code now}, in the order a user would want to hear it. */
    public Optional<CouponRefusedException> issueRefusal(Instant now) {
        if (!active) {
            return Optional.of(
                    new CouponRefusedException(CouponRefusal.COUPON_INACTIVE, "This coupon is no longer offered."));
        }
        if (now.isBefore(validFrom)) {
            return Optional.of(new CouponRefusedException(
                    CouponRefusal.COUPON_NOT_STARTED, "This coupon cannot be issued before " + validFrom + "."));
        }
        if (!now.isBefore(validUntil)) {
            return Optional.of(new CouponRefusedException(CouponRefusal.COUPON_EXPIRED, "This coupon has expired."));
        }
        if (soldOut()) {
            return Optional.of(new CouponRefusedException(
                    CouponRefusal.COUPON_SOLD_OUT, "All " + totalQuantity + " coupons have been issued."));
        }
        return Optional.empty();
    }

    /** When a user coupon issued at {@code issuedAt} expires: the coupon's end, or earlier by the days rule. */
    public Instant expiresAt(Instant issuedAt) {
        if (validDaysAfterIssue == null) {
            return validUntil;
        }
        Instant byDays = issuedAt.plus(Duration.ofDays(validDaysAfterIssue));
        return byDays.isBefore(validUntil) ? byDays : validUntil;
    }

    public long discountFor(long orderAmount) {
        return discountType.discountFor(discountValue, maxDiscountAmount, orderAmount);
    }
}
