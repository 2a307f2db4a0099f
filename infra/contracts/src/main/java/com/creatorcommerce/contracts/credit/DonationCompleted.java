package com.creatorcommerce.contracts.credit;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * Public event: a fan donated credits to a creator (the live chat shows it on screen). Keyed by the creator id on
 * {@link CreditTopics#EVENTS}, so that one creator's donations stay in order.
 *
 * @param donationId credit-service's donation
 * @param donorId the fan who gave
 * @param creatorId the creator who received
 * @param credits the credits given (positive)
 * @param message the donor's message, at most 200 characters; empty when none (never null)
 * @param transactionId the donor's {@code credit_history} row of type {@code donation}
 * @param completedAt when the credits left the donor's wallet
 */
public record DonationCompleted(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long donationId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long donorId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long creatorId,
        long credits,
        String message,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long transactionId,
        Instant completedAt) {}
