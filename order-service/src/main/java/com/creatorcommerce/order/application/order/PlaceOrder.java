package com.creatorcommerce.order.application.order;

import com.creatorcommerce.order.domain.order.OrderLine;
import java.util.List;

/**
 * A request to place an order: lines from {@code items} or from the user's cart ({@code fromCart}), an optional
 * coupon and an optional charge (points bought with a payment before paying).
 *
 * @param items the lines asked for; null or empty with {@code fromCart}
 * @param charge null without a charge
 * @param idempotencyKey the client's Idempotency-Key: the same key places the same order once
 */
public record PlaceOrder(
        long userId, List<OrderLine> items, boolean fromCart, Long userCouponId, Charge charge, String idempotencyKey) {

    /** Points to buy with the payment the client authorised at the PG ({@code paymentKey}). */
    public record Charge(Long amount, String paymentKey) {}
}
