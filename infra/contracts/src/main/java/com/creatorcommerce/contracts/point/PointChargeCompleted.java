package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/** Public event: a charge request was paid at the PG and its points credited. */
public record PointChargeCompleted(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long chargeRequestId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long paymentId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long transactionId,
        long balanceAfter,
        Instant completedAt) {}
