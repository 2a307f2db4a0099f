package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Debit {@code amount} points from {@code user_id} for order {@code order_id} (a USE row). Answered with
 * {@link PointsUsed} or, when the balance is short, {@link PointsUseRejected} with {@code INSUFFICIENT_POINTS}.
 */
public record UsePointsCommand(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount) {}
