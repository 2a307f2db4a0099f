package com.creatorcommerce.credit.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code credit_history}: immutable once written. {@code balanceBefore + amount = balanceAfter} always.
 *
 * @param amount signed credits
 */
public record CreditHistoryEntry(
        long id,
        long userId,
        TransactionType type,
        long amount,
        long balanceBefore,
        long balanceAfter,
        String description,
        Map<String, String> extraData,
        String referenceId,
        String idempotencyKey,
        Instant createdAt) {

    public CreditHistoryEntry {
        if (balanceBefore + amount != balanceAfter) {
            throw new IllegalArgumentException("balance_before + amount != balance_after: " + balanceBefore + " + "
                    + amount + " != " + balanceAfter);
        }
        extraData = extraData == null ? Map.of() : Map.copyOf(extraData);
    }
}
