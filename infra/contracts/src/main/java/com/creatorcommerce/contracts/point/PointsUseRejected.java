package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Reply: nothing was debited for the order.
 *
 * @param balance the balance when refused (for {@code INSUFFICIENT_POINTS})
 */
public record PointsUseRejected(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        long balance,
        PointRejectionReason reason,
        String detail) {}
