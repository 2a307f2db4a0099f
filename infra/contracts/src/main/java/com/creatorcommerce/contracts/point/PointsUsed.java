package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;

/** Reply: {@code amount} points were debited for the order. */
public record PointsUsed(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        long balanceAfter,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long transactionId) {}
