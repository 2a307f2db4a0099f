package com.creatorcommerce.contracts.payment;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/** The PG approved {@code amount} (exactly what was requested) for the payment key. */
public record PaymentApproved(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long paymentId,
        String paymentKey,
        PaymentPurpose purpose,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long referenceId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        Instant approvedAt) {}
