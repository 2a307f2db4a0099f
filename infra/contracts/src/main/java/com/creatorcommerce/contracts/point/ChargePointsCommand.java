package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Credit {@code amount} points to {@code user_id}, bought with the approved payment {@code payment_id} of order
 * {@code order_id} (a CHARGE row referencing the order). Answered with {@link PointsCharged} or
 * {@link PointsChargeRejected}.
 */
public record ChargePointsCommand(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long paymentId) {}
