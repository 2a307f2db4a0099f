package com.creatorcommerce.point.application.port;

import com.creatorcommerce.point.domain.CancelledPayment;

/** Order payments reported cancelled by payment-service (table {@code point_cancelled_payments}). */
public interface CancelledPayments {

    boolean isCancelled(long paymentId);

    /** Records it (once: a payment already recorded stays as it was). */
    void record(CancelledPayment payment);
}
