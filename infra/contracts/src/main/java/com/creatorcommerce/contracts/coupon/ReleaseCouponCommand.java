package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The order failed or was cancelled: release its reservation or use of the coupon ({@code coupon_usage_history}
 * CANCELLED); the coupon is usable again while it has not expired. Always answers {@link CouponReservationReleased},
 * also when the order never held the coupon (then a later reserve for this order is refused, so a release that
 * overtakes its reserve cannot leak a reservation).
 *
 * @param reason free text for the history, e.g. {@code ORDER_CANCELLED}, {@code PAYMENT_FAILED}
 */
public record ReleaseCouponCommand(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        String reason) {}
