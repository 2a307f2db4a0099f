package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/** Public event: a user coupon was used by a completed order. */
public record CouponUsed(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long couponId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        long discountAmount,
        Instant usedAt) {}
