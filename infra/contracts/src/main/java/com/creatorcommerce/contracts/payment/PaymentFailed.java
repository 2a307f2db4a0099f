package com.creatorcommerce.contracts.payment;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * The payment was not approved; nothing is charged (an approval for a different amount is cancelled at the PG).
 *
 * @param paymentId null when no payment was recorded (invalid command, payment key owned by another payment)
 * @param failureCode the PG's code (e.g. {@code REJECT_CARD_PAYMENT}, {@code NOT_FOUND_PAYMENT}) or one of
 *                    {@link PaymentFailureCode}
 */
public record PaymentFailed(
        @JsonFormat(shape = JsonFormat.Shape.STRING) Long paymentId,
        String paymentKey,
        PaymentPurpose purpose,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long referenceId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        String failureCode,
        String failureMessage,
        Instant failedAt) {}
