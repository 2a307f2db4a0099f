package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Give back to {@code user_id} exactly the points order {@code order_id} used (a REFUND row). Answered with
 * {@link PointsRefunded} (amount 0 when the order used none).
 */
public record RefundPointsCommand(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        String reason) {}
