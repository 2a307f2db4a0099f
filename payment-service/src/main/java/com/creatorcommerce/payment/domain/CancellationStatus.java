package com.creatorcommerce.payment.domain;

/** {@code payment_cancellations.status}. */
public enum CancellationStatus {
    /** Recorded; the PG has not confirmed it yet (not sent, in flight, or unknown outcome). */
    REQUESTED,
    DONE,
    FAILED
}
