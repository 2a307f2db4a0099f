package com.creatorcommerce.credit.application;

import java.math.BigDecimal;
import java.util.Currency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credit.settlement.*}: how creators are paid for the donations they receive.
 *
 * @param feeRate the platform's share of the gross credits, 0 to 1 (0.20 = 20 %)
 * @param ratePerCredit the money a creator gets per net credit
 * @param currency ISO 4217 of {@code ratePerCredit}
 */
@ConfigurationProperties("credit.settlement")
public record SettlementSettings(BigDecimal feeRate, BigDecimal ratePerCredit, String currency) {

    public SettlementSettings {
        feeRate = feeRate == null ? new BigDecimal("0.20") : feeRate;
        ratePerCredit = ratePerCredit == null ? new BigDecimal("0.04") : ratePerCredit;
        currency = currency == null ? "USD" : currency;
        if (feeRate.signum() < 0
                || feeRate.compareTo(BigDecimal.ONE) > 0
                || feeRate.scale() > 4
                || ratePerCredit.signum() <= 0
                || ratePerCredit.scale() > 4) {
            throw new IllegalArgumentException(
                    "credit.settlement: 0 <= fee-rate <= 1 and rate-per-credit > 0, " + "at most 4 decimals each");
        }
        Currency.getInstance(currency);
    }

    public Currency money() {
        return Currency.getInstance(currency);
    }
}
