package com.creatorcommerce.contracts.payment;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Confirm at the PG the payment {@code payment_key} that {@code user_id} authorised, for exactly {@code amount} in
 * {@code currency}. Answered with {@link PaymentApproved} or {@link PaymentFailed} on {@link PaymentTopics#REPLIES},
 * possibly after a while: an unknown PG outcome (timeout, 5xx) is resolved by querying the PG, never guessed.
 *
 * <p>{@code currency} was added later (issue 13): a message without it, from an older producer, is in {@link #KRW}.
 * The record does not validate the code; payment-service refuses a command whose code is not three upper-case letters
 * ({@link PaymentFailureCode#INVALID_COMMAND}) rather than guessing.
 *
 * @param referenceId the requester's id for what is paid ({@code purpose} says which kind)
 * @param amount positive, in the minor unit of {@code currency} (cents for USD; KRW has none, so whole won)
 * @param currency ISO 4217 code of {@code amount}, three upper-case letters; null (absent on the wire) means
 *     {@link #KRW}
 */
public record ConfirmPaymentCommand(
        String paymentKey,
        PaymentPurpose purpose,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long referenceId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount,
        String currency) {

    /** The currency of a command that names none (older producers). */
    public static final String KRW = "KRW";

    public ConfirmPaymentCommand {
        if (currency == null) {
            currency = KRW;
        }
    }

    /** A command in {@link #KRW} (what every producer sent before {@code currency} existed). */
    public ConfirmPaymentCommand(
            String paymentKey, PaymentPurpose purpose, long referenceId, long userId, long amount) {
        this(paymentKey, purpose, referenceId, userId, amount, KRW);
    }
}
