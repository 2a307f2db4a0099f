package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.coupon.domain.DiscountType;
import com.creatorcommerce.platform.snowflake.IdString;
import java.time.Instant;

/** A coupon users can get now. {@code total_quantity} and {@code remaining_quantity} are null when unlimited. */
record IssuableCouponResponse(
        @IdString long id,
        String couponName,
        DiscountType discountType,
        long discountValue,
        Long maxDiscountAmount,
        long minOrderAmount,
        Integer totalQuantity,
        Integer remainingQuantity,
        Instant validFrom,
        Instant validUntil,
        Integer validDaysAfterIssue) {

    static IssuableCouponResponse of(CouponSnapshot c) {
        return new IssuableCouponResponse(
                c.id(),
                c.name(),
                c.discountType(),
                c.discountValue(),
                c.maxDiscountAmount(),
                c.minOrderAmount(),
                c.totalQuantity(),
                c.remainingQuantity(),
                c.validFrom(),
                c.validUntil(),
                c.validDaysAfterIssue());
    }
}
