package com.creatorcommerce.point.domain;

/** {@code point_charge_requests.status} (seed 004). */
public enum ChargeStatus {
    /** Created; paying at the PG (payment_key set once confirmed). */
    PENDING,
    /** Paid and credited. */
    COMPLETED,
    /** Not paid (declined, PG amount differs...): nothing credited. */
    FAILED
}
