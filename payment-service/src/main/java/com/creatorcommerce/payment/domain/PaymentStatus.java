package com.creatorcommerce.payment.domain;

/** {@code payments.payment_status}. SUCCESS (seed 004) = approved by the PG. */
public enum PaymentStatus {
    /** Registered; the PG outcome is not known yet (not sent, in flight, or unknown after a timeout / 5xx). */
    PENDING,
    /** The PG approved exactly the requested amount. */
    SUCCESS,
    /** Not approved: declined, unknown key, aborted, or approved for a wrong amount (then cancelled again). */
    FAILED,
    /** Approved, then partly cancelled. */
    PARTIALLY_CANCELLED,
    /** Approved, then fully cancelled. */
    CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }

    /** Approved and not fully cancelled: more can be cancelled. */
    public boolean isCancellable() {
        return this == SUCCESS || this == PARTIALLY_CANCELLED;
    }
}
