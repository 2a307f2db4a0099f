package com.creatorcommerce.credit.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency (never a float). {@link #minorUnits()} is what a payment asks for (cents
 * for USD, won for KRW).
 */
public record Price(BigDecimal amount, Currency currency) {

    /** Digits kept beyond the currency's own in a price per credit (USD: 4 decimals, as seed 002 shows). */
    private static final int PER_CREDIT_EXTRA_DIGITS = 2;

    public Price {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("A price is positive: " + amount);
        }
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new IllegalArgumentException("A " + currency + " price has at most "
                    + currency.getDefaultFractionDigits() + " decimals: " + amount);
        }
        amount = amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.UNNECESSARY);
    }

    public static Price of(BigDecimal amount, String currencyCode) {
        return new Price(amount, Currency.getInstance(currencyCode));
    }

    /** The amount in the currency's minor unit (19.99 USD = 1999). */
    public long minorUnits() {
        return amount.movePointRight(Math.max(0, currency.getDefaultFractionDigits()))
                .longValueExact();
    }

    /**
     * The price of one of {@code credits}, rounded half-up to the currency's decimals plus two, without trailing
     * zeros (19.99 USD / 500 = 0.04; 4.99 / 100 = 0.0499).
     */
    public BigDecimal perCredit(long credits) {
        if (credits <= 0) {
            throw new IllegalArgumentException("credits must be positive: " + credits);
        }
        int scale = Math.max(0, currency.getDefaultFractionDigits()) + PER_CREDIT_EXTRA_DIGITS;
        BigDecimal exact = amount.divide(BigDecimal.valueOf(credits), scale, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount as a plain decimal string ({@code "19.99"}). */
    public String plain() {
        return amount.toPlainString();
    }
}
