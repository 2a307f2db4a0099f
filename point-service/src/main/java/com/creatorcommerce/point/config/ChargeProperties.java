package com.creatorcommerce.point.config;

import com.creatorcommerce.point.domain.ChargeLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.points.charge.*}: limits of one point charge (points = KRW), checked by the domain's
 * {@link ChargeLimits}.
 *
 * @param minAmount the smallest charge (default 1,000)
 * @param maxAmount the largest charge (default 2,000,000; larger amounts are refused as absurd)
 */
@ConfigurationProperties("platform.points.charge")
public record ChargeProperties(Long minAmount, Long maxAmount) {

    public ChargeProperties {
        minAmount = minAmount == null ? 1_000L : minAmount;
        maxAmount = maxAmount == null ? 2_000_000L : maxAmount;
    }

    /** @throws IllegalArgumentException unless 1 <= min-amount <= max-amount */
    public ChargeLimits toLimits() {
        return new ChargeLimits(minAmount, maxAmount);
    }
}
