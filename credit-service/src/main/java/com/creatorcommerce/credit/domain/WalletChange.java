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
 */
public record WalletChange(long userId, TransactionType type, long credits, String description,
        Map<String, String> extraData, String referenceId, String idempotencyKey) {

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
    }

    public long signedAmount() {
        return type.signed(credits);
    }
}
