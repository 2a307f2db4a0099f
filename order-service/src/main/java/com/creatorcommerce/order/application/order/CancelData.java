package com.creatorcommerce.order.application.order;

/**
 * The data of an order-cancel saga ({@code order.cancel}), stored as JSON with the saga.
 *
 * @param finalAmount the points the order used (refunded when positive)
 * @param userCouponId the coupon the order used (released when present)
 * @param byAdmin an admin, not the owner, asked for the cancellation
 */
public record CancelData(long orderId, long userId, long finalAmount, Long userCouponId, boolean byAdmin) {

    public boolean hasCoupon() {
        return userCouponId != null;
    }
}
