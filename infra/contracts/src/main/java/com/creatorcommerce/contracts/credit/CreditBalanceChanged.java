package com.creatorcommerce.contracts.credit;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * Public event: one row of a user's credit history was written (the wallet's balance changed).
 *
 * @param transactionId the {@code credit_history} row
 * @param transactionType {@code purchase}, {@code usage}, {@code refund}, {@code bonus} or {@code donation}
 * @param amount signed credits: positive for purchase and bonus, negative for usage, refund and donation
 * @param referenceId what caused it: the purchase id, the usage's idempotency key, the grant id...
 */
public record CreditBalanceChanged(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long transactionId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        String transactionType,
        long amount,
        long balanceBefore,
        long balanceAfter,
        String referenceId,
        Instant createdAt) {}
