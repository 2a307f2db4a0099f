package com.creatorcommerce.credit.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;

/**
 * What a creator is owed for the donations of one UTC month ({@code settlements}), computed once and never changed;
 * OWED until an admin marks it PAID.
 *
 * <p>Arithmetic (exact, integers and decimals only): {@code fee_credits = ceil(gross x fee_rate)} (whole credits, the
 * platform's share rounded up), {@code net_credits = gross - fee_credits}, {@code net_amount = net_credits x
 * rate_per_credit} rounded down to the currency's minor unit.
 */
public record Settlement(
        long id,
        long creatorId,
        YearMonth period,
        long donations,
        long grossCredits,
        BigDecimal feeRate,
        long feeCredits,
        long netCredits,
        BigDecimal ratePerCredit,
        BigDecimal netAmount,
        String currency,
        Status status,
        Long paidBy,
        Instant createdAt,
        Instant paidAt) {

    public enum Status {
        OWED,
        PAID
    }

    /** A new OWED settlement of {@code grossCredits} from {@code donations} donations. */
    public static Settlement compute(
            long id,
            long creatorId,
            YearMonth period,
            long donations,
            long grossCredits,
            BigDecimal feeRate,
            BigDecimal ratePerCredit,
            Currency currency,
            Instant now) {
        if (grossCredits <= 0
                || feeRate.signum() < 0
                || feeRate.compareTo(BigDecimal.ONE) > 0
                || ratePerCredit.signum() <= 0) {
            throw new IllegalArgumentException("gross > 0, 0 <= fee rate <= 1, rate per credit > 0");
        }
        long fee = BigDecimal.valueOf(grossCredits)
                .multiply(feeRate)
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
        long net = grossCredits - fee;
        BigDecimal amount = ratePerCredit
                .multiply(BigDecimal.valueOf(net))
                .setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.DOWN);
        return new Settlement(
                id,
                creatorId,
                period,
                donations,
                grossCredits,
                feeRate,
                fee,
                net,
                ratePerCredit,
                amount,
                currency.getCurrencyCode(),
                Status.OWED,
                null,
                now,
                null);
    }
}
