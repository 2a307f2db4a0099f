package com.creatorcommerce.point.domain;

import java.util.Objects;

/**
 * One change of a wallet, as asked: {@code amount} points (positive; the type gives the sign) of {@code type} for the
 * wallet of {@code userId}, referencing a charge request or an order. Its idempotency key (reference + type) makes it
 * happen at most once, ever.
 */
public record WalletChange(
        long userId, TransactionType type, long amount, ReferenceType referenceType, long referenceId) {

    public WalletChange {
        if (!acceptable(userId, amount)) {
            throw new IllegalArgumentException(
                    "user id and amount must be positive: user " + userId + ", amount " + amount);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(referenceType, "referenceType");
    }

    /** Whether a change of {@code amount} points for user {@code userId} can be asked at all (both positive). */
    public static boolean acceptable(long userId, long amount) {
        return userId > 0 && amount > 0;
    }

    public String idempotencyKey() {
        return referenceType.idempotencyKey(referenceId, type);
    }

    /** The ledger's signed amount: positive for a credit, negative for a debit. */
    public long signedAmount() {
        return type.signed(amount);
    }
}
