package com.creatorcommerce.payment.application;

/**
 * No payment with this id that the caller may see (someone else's payment is reported the same way, as if it did not
 * exist). The web adapter answers 404 {@code PAYMENT_NOT_FOUND}; the message is safe to show to a client.
 */
public class PaymentNotFoundException extends RuntimeException {

    public PaymentNotFoundException() {
        super("No such payment", null, false, false);
    }
}
