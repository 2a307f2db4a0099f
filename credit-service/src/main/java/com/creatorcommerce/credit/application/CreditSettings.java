package com.creatorcommerce.credit.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credit.*}: limits of the credit use cases.
 *
 * @param settleWait how long {@code POST /v1/credits/purchase} waits for the payment's outcome before answering 202
 *                   with the purchase's status URL (keep it well below the gateway's route timeout)
 * @param maxUse the most credits one use may spend (larger is refused as absurd)
 * @param maxGrant the most credits one admin grant may add
 * @param refundWindow how long after its purchase a lot's unspent credits may be refunded (7 days)
 * @param maxDonation the most credits one donation may give
 * @param topUpDeadline how long a donation with a top-up waits for its payment before it fails (the saga's
 *                      {@code pay} step deadline)
 * @param donationStepDeadline how long each send of the saga's own steps (credit the top-up, debit) waits
 * @param donationStepAttempts sends of those steps before the saga gives up
 */
@ConfigurationProperties("credit")
public record CreditSettings(
        Duration settleWait,
        Long maxUse,
        Long maxGrant,
        Duration refundWindow,
        Long maxDonation,
        Duration topUpDeadline,
        Duration donationStepDeadline,
        Integer donationStepAttempts) {

    public CreditSettings {
        settleWait = settleWait == null ? Duration.ofSeconds(3) : settleWait;
        maxUse = maxUse == null ? 10_000L : maxUse;
        maxGrant = maxGrant == null ? 100_000L : maxGrant;
        refundWindow = refundWindow == null ? Duration.ofDays(7) : refundWindow;
        maxDonation = maxDonation == null ? 1_000_000L : maxDonation;
        topUpDeadline = topUpDeadline == null ? Duration.ofMinutes(2) : topUpDeadline;
        donationStepDeadline = donationStepDeadline == null ? Duration.ofSeconds(30) : donationStepDeadline;
        donationStepAttempts = donationStepAttempts == null ? 3 : donationStepAttempts;
        if (!topUpDeadline.isPositive() || !donationStepDeadline.isPositive() || donationStepAttempts < 1) {
            throw new IllegalArgumentException(
                    "credit: top-up-deadline > 0, donation-step-deadline > 0, " + "donation-step-attempts >= 1");
        }
        if (settleWait.isNegative() || maxUse < 1 || maxGrant < 1 || refundWindow.isNegative() || maxDonation < 1) {
            throw new IllegalArgumentException("credit: settle-wait >= 0, max-use >= 1, max-grant >= 1, "
                    + "refund-window >= 0, max-donation >= 1");
        }
    }
}
