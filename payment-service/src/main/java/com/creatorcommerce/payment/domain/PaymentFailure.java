package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Why and when a {@link Payment} failed: the code the requester is answered with (a PG code, or one of ours such as
 * {@link #AMOUNT_MISMATCH}) and its message (at most 500 characters). Null while the payment has not failed.
 */
@Embeddable
public record PaymentFailure(
        @Column(name = "failure_code") String code,
        @Column(name = "failure_message") String message,
        @Column(name = "failed_at") Instant at) {

    /**
     * The failure code of a payment the PG approved for another amount than requested (the approval is cancelled
     * again); published as {@code PaymentFailureCode.AMOUNT_MISMATCH}.
     */
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";

    private static final int TEXT = 500;

    static PaymentFailure of(String code, String message, Instant at) {
        return new PaymentFailure(
                code, message == null || message.length() <= TEXT ? message : message.substring(0, TEXT), at);
    }

    /** The PG approved another amount than requested. */
    public boolean amountMismatch() {
        return AMOUNT_MISMATCH.equals(code);
    }
}
