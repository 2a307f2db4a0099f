package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;

/** Reply: the coupon could not be confirmed for {@code order_id} (usually {@code NOT_RESERVED}). */
public record CouponConfirmationRejected(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        CouponRejectionReason reason,
        String detail) {}
