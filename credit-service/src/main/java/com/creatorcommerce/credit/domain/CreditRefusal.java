package com.creatorcommerce.credit.domain;

/** Why the credit context refuses an operation. The names are the stable problem {@code code}s of the HTTP API. */
public enum CreditRefusal {
    CREDIT_PACKAGE_NOT_FOUND,
    CREDIT_PACKAGE_INACTIVE,
    CREDIT_PACKAGE_ALREADY_EXISTS,
    PURCHASE_NOT_FOUND,
    /** The payment token already paid for another purchase (another user or package, or outside credit-service). */
    PAYMENT_TOKEN_ALREADY_USED,
    /** The PG (or payment-service) did not approve the payment; nothing was credited. */
    PAYMENT_DECLINED,
    /** A debit larger than the balance; nothing changed. */
    INSUFFICIENT_CREDITS,
    /** An Idempotency-Key already spent credits with other terms (amount or feature). */
    IDEMPOTENCY_KEY_REUSED,
    /** A donation to oneself. */
    SELF_DONATION,
    /** No such donation of the caller's. */
    DONATION_NOT_FOUND,
    /** The wallet could not be written after the bounded retries (lock wait, deadlock); nothing changed. */
    CREDIT_WALLET_BUSY
}
