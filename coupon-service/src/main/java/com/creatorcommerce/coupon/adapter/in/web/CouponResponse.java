package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.application.CouponDetails;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.coupon.domain.DiscountType;
import com.creatorcommerce.platform.snowflake.IdString;
import java.time.Instant;

/** A coupon as admins see it. {@code total_quantity} and {@code remaining_quantity} are null when unlimited. */
record CouponResponse(
        @IdString long id,
        String couponName,
        DiscountType discountType,
        long discountValue,
        Long maxDiscountAmount,
        long minOrderAmount,
        Integer totalQuantity,
        int issuedQuantity,
        Integer remainingQuantity,
        Instant validFrom,
        Instant validUntil,
        Integer validDaysAfterIssue,
        boolean isActive,
        Instant createdAt,
        Instant updatedAt) {

    static CouponResponse of(CouponDetails details) {
        CouponSnapshot c = details.coupon();
        return new CouponResponse(
                c.id(),
                c.name(),
                c.discountType(),
                c.discountValue(),
                c.maxDiscountAmount(),
                c.minOrderAmount(),
                c.totalQuantity(),
                c.issuedQuantity(),
                c.remainingQuantity(),
                c.validFrom(),
                c.validUntil(),
                c.validDaysAfterIssue(),
                c.active(),
                details.createdAt(),
                details.updatedAt());
    }
}
