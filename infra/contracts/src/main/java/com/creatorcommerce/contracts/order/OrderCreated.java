package com.creatorcommerce.contracts.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * Public event: a user placed an order (status PENDING); the charge-then-order saga now runs and ends with
 * {@link OrderCompleted} or {@link OrderCancelled}. The order's lines are a snapshot of the catalog at this moment
 * (read them with {@code GET /v1/orders/{id}}).
 *
 * @param totalAmount KRW, the sum of the lines before any discount
 * @param userCouponId the coupon the order asks for; null when none
 * @param chargeAmount KRW of points the order buys with a payment before paying; null when it buys none
 * @param itemCount lines (distinct product options)
 * @param totalQuantity units over all lines
 */
public record OrderCreated(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long totalAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long userCouponId,
        Long chargeAmount,
        int itemCount,
        int totalQuantity,
        Instant createdAt) {}
