package com.creatorcommerce.contracts.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * Public event: the order is COMPLETED: its stock is taken, its coupon used and {@code final_amount} points were
 * debited.
 *
 * @param discountAmount KRW the coupon took off ({@code 0} without a coupon)
 * @param finalAmount KRW paid with points: {@code total_amount - discount_amount}
 * @param userCouponId the coupon used; null when none
 * @param chargedPoints points bought with a payment during the order (credited to the wallet); 0 when none
 * @param paymentId the payment of that charge; null when none
 */
public record OrderCompleted(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long totalAmount,
        long discountAmount,
        long finalAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long userCouponId,
        long chargedPoints,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long paymentId,
        Instant completedAt) {}
