package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;

/** Reply: nothing was credited for the order. */
public record PointsChargeRejected(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        PointRejectionReason reason,
        String detail) {}
