package com.creatorcommerce.point.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.points.charge.*}: limits of one point charge (points = KRW).
 *
 * @param minAmount the smallest charge
 * @param maxAmount the largest charge (larger amounts are refused as absurd)
 */
@ConfigurationProperties("platform.points.charge")
public record ChargeProperties(Long minAmount, Long maxAmount) {

    public ChargeProperties {
        minAmount = minAmount == null ? 1_000L : minAmount;
        maxAmount = maxAmount == null ? 2_000_000L : maxAmount;
        if (minAmount < 1 || maxAmount < minAmount) {
            throw new IllegalArgumentException("platform.points.charge: 1 <= min-amount <= max-amount");
        }
    }
}
