package com.creatorcommerce.credit.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund of one lot's unspent credits ({@code refund_logs}): REQUESTED when the credits left the wallet and the
 * partial PG cancel was asked for; COMPLETED when payment-service cancelled {@code amount}; FAILED when the PG refused
 * it (the credits are gone and the money is not back: ops must refund it by hand).
 */
public record RefundLog(
        long id,
        long userId,
        long lotId,
        long purchaseId,
        String paymentKey,
        long credits,
        BigDecimal amount,
        String currency,
        long amountMinor,
        long historyId,
        String cancelRequestId,
        String reason,
        Status status,
        Long paymentId,
        String failureCode,
        String failureReason,
        Instant createdAt,
        Instant completedAt) {

    public enum Status {
        REQUESTED,
        COMPLETED,
        FAILED
    }

    /** The PG cancel's idempotency key of refund {@code id}. */
    public static String cancelRequestId(long id) {
        return "credit-refund-" + id;
    }
}
