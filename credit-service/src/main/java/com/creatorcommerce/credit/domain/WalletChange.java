package com.creatorcommerce.credit.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A balance change to apply to one wallet: {@code credits} (positive; the type gives the sign) of {@code type}, with
 * what the history row will say about it. The {@code idempotencyKey} makes it happen at most once, whatever retries
 * and redeliveries bring.
 *
 * @param extraData small facts stored as JSON with the history row (package id, feature, granted_by...)
 * @param referenceId what caused it (purchase id, grant id, the client's Idempotency-Key)
 * @param newLot a credit's lot (purchase, bonus); null for a debit
 * @param fromLot a debit taken from this lot only (a refund of its unspent part); null: FIFO over the wallet's lots
 */
public record WalletChange(
        long userId,
        TransactionType type,
        long credits,
        String description,
        Map<String, String> extraData,
        String referenceId,
        String idempotencyKey,
        NewLot newLot,
        Long fromLot) {

    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_KEY = 200;
    public static final int MAX_REFERENCE = 100;

    public WalletChange {
        if (userId <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + userId);
        }
        Objects.requireNonNull(type, "type");
        if (credits <= 0) {
            throw new IllegalArgumentException("credits must be positive: " + credits);
        }
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("description must be 1 to " + MAX_DESCRIPTION + " characters");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
            throw new IllegalArgumentException("idempotency key must be 1 to " + MAX_KEY + " characters");
        }
        if (referenceId == null || referenceId.isBlank() || referenceId.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("reference id must be 1 to " + MAX_REFERENCE + " characters");
        }
        extraData = extraData == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extraData));
        if (type.isDebit() ? newLot != null : fromLot != null) {
            throw new IllegalArgumentException("A credit may carry a new lot, a debit the lot it takes from");
        }
    }

    /** A change without lot details: a debit spends FIFO; a credit adds a lot without price (a bonus-like lot). */
    public WalletChange(
            long userId,
            TransactionType type,
            long credits,
            String description,
            Map<String, String> extraData,
            String referenceId,
            String idempotencyKey) {
        this(userId, type, credits, description, extraData, referenceId, idempotencyKey, null, null);
    }

    /** This credit with its lot's terms. */
    public WalletChange withNewLot(NewLot lot) {
        return new WalletChange(userId, type, credits, description, extraData, referenceId, idempotencyKey, lot, null);
    }

    /** This debit taken from lot {@code lotId} only. */
    public WalletChange fromLot(long lotId) {
        return new WalletChange(
                userId, type, credits, description, extraData, referenceId, idempotencyKey, null, lotId);
    }

    public long signedAmount() {
        return type.signed(credits);
    }
}
