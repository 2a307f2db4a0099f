package com.creatorcommerce.order.application.order;

import com.creatorcommerce.order.domain.order.ChargePolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code order.charge.*}: the amounts an order may charge before paying, the same as point-service's charge limits.
 *
 * @param minAmount smallest charge, KRW (default 1,000)
 * @param maxAmount largest charge, KRW (default 2,000,000)
 */
@ConfigurationProperties("order.charge")
public record ChargeProperties(Long minAmount, Long maxAmount) {

    public ChargeProperties {
        minAmount = minAmount == null ? 1_000L : minAmount;
        maxAmount = maxAmount == null ? 2_000_000L : maxAmount;
    }

    public ChargePolicy policy() {
        return new ChargePolicy(minAmount, maxAmount);
    }
}
