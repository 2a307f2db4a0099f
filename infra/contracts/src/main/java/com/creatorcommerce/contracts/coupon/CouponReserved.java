package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Reply: {@code user_coupon_id} is held for {@code order_id}.
 *
 * @param discountAmount the discount to apply, in KRW, {@code 0 <= discount_amount <= order_amount}
 */
public record CouponReserved(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long couponId,
        long orderAmount,
        long discountAmount) {}
