package com.creatorcommerce.contracts.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * Public event: the order is CANCELLED: it failed while being placed (its stock, coupon and points were given back)
 * or a completed order was cancelled by its owner or an admin (points refunded, coupon usable again, stock
 * restored).
 *
 * @param reasonCode why, e.g. {@code OUT_OF_STOCK}, {@code COUPON_NOT_APPLICABLE}, {@code PAYMENT_DECLINED},
 *                   {@code INSUFFICIENT_POINTS}, {@code TIMED_OUT}, {@code CANCELLED_BY_USER},
 *                   {@code CANCELLED_BY_ADMIN}; new codes may be added
 * @param reason human-readable explanation
 * @param afterCompletion true when a COMPLETED order was cancelled; false when the order failed before completing
 * @param chargedPoints points bought with a payment during the order: they stay in the wallet (a completed purchase
 *                      of points); 0 when none
 */
public record OrderCancelled(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        String reasonCode,
        String reason,
        boolean afterCompletion,
        long chargedPoints,
        Instant cancelledAt) {}
