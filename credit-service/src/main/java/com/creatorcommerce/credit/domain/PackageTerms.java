package com.creatorcommerce.credit.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an admin sets on a credit package: name, credits, exact price and its ISO 4217 currency. {@link #validate()}
 * reports every broken rule at once, on the JSON field names.
 */
public record PackageTerms(String name, Long credits, BigDecimal price, String currency) {

    public static final long MAX_CREDITS = 1_000_000;
    /** What {@code DECIMAL(12,2)} holds. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_]{0,49}");

    /** A package id: lower-case letters, digits and underscores, 1 to 50 ({@code basic_500}). */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Throws {@link InvalidCreditRequestException} listing every broken rule. */
    public void validate() {
        List<Violation> v = violations();
        if (!v.isEmpty()) {
            throw new InvalidCreditRequestException(v);
        }
    }

    /** Every broken rule, on the JSON field names; empty when valid. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            v.add(new Violation("name", "must be 1 to 100 characters"));
        }
        if (credits == null || credits < 1 || credits > MAX_CREDITS) {
            v.add(new Violation("credits", "must be between 1 and " + MAX_CREDITS));
        }
        Currency c = currency(currency);
        if (c == null) {
            v.add(new Violation("currency", "must be an ISO 4217 code such as USD or KRW"));
        } else if (c.getDefaultFractionDigits() < 0 || c.getDefaultFractionDigits() > 2) {
            v.add(new Violation("currency", "must be a currency with at most 2 decimals"));
        }
        if (price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
            v.add(new Violation("price", "must be positive and at most " + MAX_PRICE.toPlainString()));
        } else if (c != null && price.stripTrailingZeros().scale() > Math.max(0, c.getDefaultFractionDigits())) {
            v.add(new Violation(
                    "price",
                    "must have at most " + c.getDefaultFractionDigits() + " decimals in " + c.getCurrencyCode()));
        }
        return v;
    }

    /** The validated price. */
    public Price toPrice() {
        return Price.of(price, currency);
    }

    private static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
