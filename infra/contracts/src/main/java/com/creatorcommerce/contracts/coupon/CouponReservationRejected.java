package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;

/** Reply: nothing was reserved for {@code order_id}. {@code detail} is human-readable. */
public record CouponReservationRejected(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        CouponRejectionReason reason,
        String detail) {}
