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
 */
@ConfigurationProperties("credit")
public record CreditSettings(Duration settleWait, Long maxUse, Long maxGrant) {

    public CreditSettings {
        settleWait = settleWait == null ? Duration.ofSeconds(3) : settleWait;
        maxUse = maxUse == null ? 10_000L : maxUse;
        maxGrant = maxGrant == null ? 100_000L : maxGrant;
        if (settleWait.isNegative() || maxUse < 1 || maxGrant < 1) {
            throw new IllegalArgumentException("credit: settle-wait >= 0, max-use >= 1, max-grant >= 1");
        }
    }
}
