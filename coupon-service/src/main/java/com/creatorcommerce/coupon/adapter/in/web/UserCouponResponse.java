package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.coupon.domain.DiscountType;
import com.creatorcommerce.coupon.domain.UserCouponStatus;
import com.creatorcommerce.platform.snowflake.IdString;
import java.time.Instant;

/**
 * A coupon a user holds: {@code id} is the user coupon id (what an order names as {@code user_coupon_id}).
 *
 * @param orderId the order holding (RESERVED) or having used (USED) it
 */
record UserCouponResponse(
        @IdString long id,
        @IdString long couponId,
        String couponName,
        DiscountType discountType,
        long discountValue,
        Long maxDiscountAmount,
        long minOrderAmount,
        UserCouponStatus status,
        Instant issuedAt,
        Instant expiresAt,
        Instant usedAt,
        @IdString Long orderId) {

    static UserCouponResponse of(
            long id,
            CouponSnapshot c,
            UserCouponStatus status,
            Instant issuedAt,
            Instant expiresAt,
            Instant usedAt,
            Long orderId) {
        return new UserCouponResponse(
                id,
                c.id(),
                c.name(),
                c.discountType(),
                c.discountValue(),
                c.maxDiscountAmount(),
                c.minOrderAmount(),
                status,
                issuedAt,
                expiresAt,
                usedAt,
                orderId);
    }
}
