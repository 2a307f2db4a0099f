package com.creatorcommerce.contracts.payment;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Confirm at the PG the payment {@code payment_key} that {@code user_id} authorised, for exactly {@code amount}.
 * Answered with {@link PaymentApproved} or {@link PaymentFailed} on {@link PaymentTopics#REPLIES}, possibly after a
 * while: an unknown PG outcome (timeout, 5xx) is resolved by querying the PG, never guessed.
 *
 * @param referenceId the requester's id for what is paid ({@code purpose} says which kind)
 * @param amount KRW, positive
 */
public record ConfirmPaymentCommand(
        String paymentKey,
        PaymentPurpose purpose,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long referenceId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        long amount) {}
