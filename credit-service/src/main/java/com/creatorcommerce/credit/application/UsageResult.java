package com.creatorcommerce.credit.application;

import java.time.Instant;

/**
 * Credits spent on a feature: the usage history row and the balance right after it.
 *
 * @param replayed true when the same Idempotency-Key had already spent them (nothing spent now)
 */
public record UsageResult(
        long transactionId, long creditsUsed, long balanceAfter, String feature, Instant createdAt, boolean replayed) {}
