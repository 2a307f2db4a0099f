package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/** Reply: the coupon is used by {@code order_id} (the discount is the one reserved). */
public record CouponUseConfirmed(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        long discountAmount,
        Instant usedAt) {}
