package com.creatorcommerce.credit.domain;

/** A payment approved for a purchase that was not credited is given back: asked, done, or refused by the PG. */
public enum RefundStatus {
    REQUESTED,
    REFUNDED,
    REFUND_FAILED
}
