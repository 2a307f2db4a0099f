package com.creatorcommerce.contracts.point;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * Public event: one ledger row ({@code point_transactions}) was written.
 *
 * @param transactionType CHARGE, USE or REFUND
 * @param amount signed: positive for CHARGE and REFUND, negative for USE
 * @param referenceType CHARGE_REQUEST or ORDER
 */
public record PointBalanceChanged(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long transactionId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        String transactionType,
        long amount,
        long balanceBefore,
        long balanceAfter,
        String referenceType,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long referenceId,
        Instant createdAt) {}
