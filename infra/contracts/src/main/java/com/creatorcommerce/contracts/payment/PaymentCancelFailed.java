package com.creatorcommerce.contracts.payment;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * The cancel was refused (by payment-service or the PG); nothing was cancelled.
 *
 * @param paymentId null when there is no payment with this key
 * @param purpose null when there is no payment with this key
 * @param failureCode one of {@link PaymentFailureCode} or the PG's code
 */
public record PaymentCancelFailed(
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long paymentId,
        String paymentKey,
        PaymentPurpose purpose,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long referenceId,
        String cancelRequestId,
        Long cancelAmount,
        String failureCode,
        String failureMessage) {}
