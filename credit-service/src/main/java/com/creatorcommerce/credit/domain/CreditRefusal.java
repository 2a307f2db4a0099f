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
    /** No such lot (credit_topups) of the caller's. */
    TOPUP_NOT_FOUND,
    /** No such refund of the caller's. */
    REFUND_NOT_FOUND,
    /** The lot was not bought (a bonus or a carried-over balance): there is no payment to refund. */
    TOPUP_NOT_REFUNDABLE,
    /** The lot's refundable_until has passed. */
    REFUND_PERIOD_EXPIRED,
    /** The lot was refunded before. */
    ALREADY_REFUNDED,
    /** Every credit of the lot was spent: nothing to refund. */
    NOTHING_TO_REFUND,
    /** No such settlement. */
    SETTLEMENT_NOT_FOUND,
    /** The settlement was marked PAID before. */
    SETTLEMENT_ALREADY_PAID,
    /** The wallet could not be written after the bounded retries (lock wait, deadlock); nothing changed. */
    CREDIT_WALLET_BUSY
}
