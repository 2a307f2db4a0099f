package com.creatorcommerce.point.domain;

/** Why the points context refuses a request. The names are the stable problem {@code code}s of the HTTP API. */
public enum PointRefusal {
    /** A charge outside the configured limits ({@link ChargeLimits}). */
    INVALID_CHARGE_AMOUNT,
    CHARGE_REQUEST_NOT_FOUND,
    /** The payment key was already used to confirm another charge request. */
    PAYMENT_KEY_ALREADY_USED,
    /** The request was confirmed with another payment key. */
    CHARGE_ALREADY_CONFIRMED,
    CHARGE_ALREADY_COMPLETED,
    CHARGE_FAILED,
    /** A history filter that names no transaction type. */
    INVALID_TRANSACTION_TYPE
}
