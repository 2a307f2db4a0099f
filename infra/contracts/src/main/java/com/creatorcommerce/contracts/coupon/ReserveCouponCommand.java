package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Reserve {@code user_coupon_id} for {@code order_id}: coupon-service checks that {@code user_id} owns it, that it is
 * unused, not reserved by another order, not expired and that {@code order_amount} reaches the coupon's minimum, then
 * answers {@link CouponReserved} with the discount (FIXED: the value capped at the order amount; PERCENTAGE: rounded
 * down and capped by {@code max_discount_amount}) or {@link CouponReservationRejected}.
 *
 * @param orderAmount the order's total before the discount, in KRW
 */
public record ReserveCouponCommand(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        long orderAmount) {}
