package com.creatorcommerce.credit.domain;

/** Where a purchase is: waiting for the payment, paid and credited, or failed with nothing credited. */
public enum PurchaseStatus {
    PENDING,
    COMPLETED,
    FAILED
}
