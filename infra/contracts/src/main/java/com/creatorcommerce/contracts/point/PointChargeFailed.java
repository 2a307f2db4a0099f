package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/** Public event: a charge request failed (payment declined, amount mismatch...); nothing was credited. */
public record PointChargeFailed(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long chargeRequestId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        String failureCode,
        String failureReason,
        Instant failedAt) {}
