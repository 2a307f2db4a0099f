package com.creatorcommerce.point.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many points one charge buys (points = KRW): at least {@code minAmount}, at most {@code maxAmount} (larger
 * amounts are refused as absurd). Both bounds are allowed.
 */
public record ChargeLimits(long minAmount, long maxAmount) {

    public ChargeLimits {
        if (minAmount < 1 || maxAmount < minAmount) {
            throw new IllegalArgumentException(
                    "charge limits: 1 <= min-amount <= max-amount, not " + minAmount + ".." + maxAmount);
        }
    }

    public boolean allows(long amount) {
        return amount >= minAmount && amount <= maxAmount;
    }

    /** @throws PointRefusedException INVALID_CHARGE_AMOUNT (with the limits) when {@code amount} is outside them */
    public void check(long amount) {
        if (!allows(amount)) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("min_amount", minAmount);
            facts.put("max_amount", maxAmount);
            throw new PointRefusedException(
                    PointRefusal.INVALID_CHARGE_AMOUNT,
                    "A charge is between " + minAmount + " and " + maxAmount + " points",
                    facts);
        }
    }
}
