package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a {@link PaymentCancellation} asks of the PG, fixed once it is recorded: how much ({@code amount}), whether as
 * the PG's full cancel of everything that is left (no amount named), why, and whom it answers: the requester's
 * {@code requestId} (its idempotency key; null for a cancel of payment-service's own), whether a reply is due on
 * payment.replies and the correlation id it carries.
 *
 * @param full the PG is asked to cancel everything that is left (no amount named)
 * @param reply answer the requester on payment.replies (false for payment-service's own cancels)
 */
@Embeddable
public record RequestedCancel(
        @Column(name = "cancel_request_id", updatable = false)
        String requestId,

        @Column(name = "cancel_amount", nullable = false, updatable = false)
        long amount,

        @Column(name = "full_cancel", nullable = false, updatable = false)
        boolean full,

        @Column(name = "cancel_reason", nullable = false, updatable = false)
        String reason,

        @Column(name = "reply", nullable = false, updatable = false)
        boolean reply,

        @Column(name = "correlation_id", updatable = false) String correlationId) {

    private static final int REASON = 200;

    /** The reason is "cancel requested" when none is given; at most 200 characters of it are kept. */
    public RequestedCancel {
        reason = reason == null || reason.isBlank()
                ? "cancel requested"
                : reason.length() <= REASON ? reason : reason.substring(0, REASON);
    }
}
