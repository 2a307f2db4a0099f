package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Reply: the points the order used were given back.
 *
 * @param amount 0 when the order used no points (nothing to give back)
 * @param transactionId the REFUND row; null when the amount is 0
 */
public record PointsRefunded(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        long balanceAfter,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long transactionId) {}
