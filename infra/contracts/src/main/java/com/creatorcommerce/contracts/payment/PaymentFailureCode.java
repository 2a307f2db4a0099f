package com.creatorcommerce.contracts.payment;

/**
 * Why a payment or a cancel failed ({@code failure_code}). PG codes such as {@code REJECT_CARD_PAYMENT} are passed
 * through as they are in {@code failure_code}; these are payment-service's own. New values may be added.
 */
public final class PaymentFailureCode {

    /** The PG approved an amount other than the one requested; the PG payment is cancelled again. */
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    /** The payment key already belongs to another payment (other purpose, reference, user or amount). */
    public static final String PAYMENT_KEY_CONFLICT = "PAYMENT_KEY_CONFLICT";
    /** The command is invalid (non-positive amount, blank key, a currency that is no ISO 4217 code...). */
    public static final String INVALID_COMMAND = "INVALID_COMMAND";
    /** The PG reported the payment aborted, expired or cancelled when its status was queried. */
    public static final String PG_ABORTED = "PG_ABORTED";
    /**
     * Confirm: the payment key was cancelled before its confirm was settled (a cancel overtook it); the confirm is
     * refused without asking the PG, or, if the PG approved meanwhile, the approval is cancelled at the PG again.
     */
    public static final String PAYMENT_CANCELLED = "PAYMENT_CANCELLED";
    /** Cancel: no payment with this key. */
    public static final String PAYMENT_NOT_FOUND = "PAYMENT_NOT_FOUND";
    /** Cancel: the payment is not approved (pending, failed or already fully cancelled). */
    public static final String NOT_CANCELLABLE = "NOT_CANCELLABLE";
    /** Cancel: more than the amount not yet cancelled. */
    public static final String CANCEL_AMOUNT_EXCEEDED = "CANCEL_AMOUNT_EXCEEDED";

    private PaymentFailureCode() {}
}
