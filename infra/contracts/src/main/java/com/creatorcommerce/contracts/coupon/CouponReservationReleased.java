package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Reply: {@code order_id} no longer holds {@code user_coupon_id}.
 *
 * @param released true when this command undid a reservation or a use; false when there was nothing to undo
 *                 (already released, or never reserved)
 */
public record CouponReservationReleased(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        boolean released) {}
