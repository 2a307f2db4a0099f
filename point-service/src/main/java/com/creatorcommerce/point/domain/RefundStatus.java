package com.creatorcommerce.point.domain;

/**
 * {@code point_charge_requests.refund_status}: giving back a payment that was approved but not credited (the request
 * had failed, or the approval did not match it). NULL when nothing had to be given back.
 */
public enum RefundStatus {
    /** payment-service was asked to cancel the payment at the PG. */
    REQUESTED,
    /** The PG cancelled it: the customer has the money back. */
    REFUNDED,
    /** The cancel was refused: the customer paid and got no points. Needs ops (logged, counted, shown on it). */
    REFUND_FAILED
}
