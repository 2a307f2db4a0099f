package com.creatorcommerce.credit.application;

import java.time.Instant;

/** A bonus an admin granted, with the balance right after it. */
public record GrantView(
        long id,
        long userId,
        long amount,
        String reason,
        long grantedBy,
        long transactionId,
        long balanceAfter,
        Instant createdAt) {}
