package com.creatorcommerce.credit.domain;

import java.time.Instant;

/**
 * A donation of credits from a fan to a creator ({@code donations}). COMPLETED in the same transaction as its
 * {@code donation} history row; with a top-up it may be PENDING while the purchase settles, or FAILED (credits bought
 * for it then stay in the donor's wallet: {@code failureReason} says so).
 *
 * @param message null when none
 * @param historyId the donor's {@code donation} history row once COMPLETED
 * @param topUpPurchaseId the purchase bought for it ({@code top_up}); null for a donation from the balance
 */
public record Donation(
        long id,
        long donorId,
        long creatorId,
        long credits,
        String message,
        Status status,
        String idempotencyKey,
        Long historyId,
        Long topUpPurchaseId,
        String failureCode,
        String failureReason,
        Instant createdAt,
        Instant completedAt) {

    /** At most this many characters (code points) in a donation message. */
    public static final int MAX_MESSAGE = 200;

    public enum Status {
        PENDING,
        COMPLETED,
        FAILED
    }

    public Donation {
        if (donorId <= 0 || creatorId <= 0 || donorId == creatorId || credits <= 0) {
            throw new IllegalArgumentException("A donation goes from one user to another, credits > 0");
        }
        if (message != null && message.codePointCount(0, message.length()) > MAX_MESSAGE) {
            throw new IllegalArgumentException("A donation message has at most " + MAX_MESSAGE + " characters");
        }
    }

    /** A donation paid from the balance, completed by history row {@code historyId}. */
    public static Donation completed(
            long id,
            long donorId,
            long creatorId,
            long credits,
            String message,
            String idempotencyKey,
            long historyId,
            Instant now) {
        return new Donation(
                id,
                donorId,
                creatorId,
                credits,
                message,
                Status.COMPLETED,
                idempotencyKey,
                historyId,
                null,
                null,
                null,
                now,
                now);
    }

    /** A donation waiting for its top-up purchase {@code purchaseId} to settle. */
    public static Donation pending(
            long id,
            long donorId,
            long creatorId,
            long credits,
            String message,
            String idempotencyKey,
            long purchaseId,
            Instant now) {
        return new Donation(
                id,
                donorId,
                creatorId,
                credits,
                message,
                Status.PENDING,
                idempotencyKey,
                null,
                purchaseId,
                null,
                null,
                now,
                null);
    }

    /** Whether a retry with the same Idempotency-Key asks for the same donation. */
    public boolean sameTerms(long creator, long amount, String text) {
        return creatorId == creator && credits == amount && java.util.Objects.equals(message, text);
    }
}
