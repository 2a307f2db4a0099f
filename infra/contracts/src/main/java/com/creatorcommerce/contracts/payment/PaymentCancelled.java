package com.creatorcommerce.contracts.payment;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * The PG cancelled {@code cancel_amount} of the payment.
 *
 * @param cancelRequestId the command's idempotency key (null when payment-service cancelled on its own, e.g. an
 *                        approval for the wrong amount)
 * @param remainingAmount what is still approved after this cancel (0 = fully cancelled)
 */
public record PaymentCancelled(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long paymentId,
        String paymentKey,
        PaymentPurpose purpose,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long referenceId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        String cancelRequestId,
        long cancelAmount,
        long remainingAmount,
        Instant cancelledAt) {}
