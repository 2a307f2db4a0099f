package com.creatorcommerce.credit.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One lot of credits ({@code credit_topups}): what one purchase or bonus added, and how much of it is left. Only
 * {@link LotBook} changes {@link #remaining()}, under the wallet's row lock.
 *
 * @param price null for a bonus (or a balance carried over from before lots existed)
 */
public final class CreditLot {

    /** ACTIVE while credits remain, SPENT once spent to 0, REFUNDED once its unspent part was refunded. */
    public enum Status {
        ACTIVE,
        SPENT,
        REFUNDED
    }

    private final long id;
    private final long userId;
    private final String source;
    private final long credits;
    private final Price price;
    private final Instant purchasedAt;
    private final Instant refundableUntil;
    private final long loadedRemaining;
    private long remaining;
    private Status status;

    public CreditLot(
            long id,
            long userId,
            String source,
            long credits,
            long remaining,
            Price price,
            Instant purchasedAt,
            Instant refundableUntil,
            Status status) {
        if (credits <= 0 || remaining < 0 || remaining > credits) {
            throw new IllegalArgumentException("A lot has 0 <= remaining <= credits, credits > 0");
        }
        this.id = id;
        this.userId = userId;
        this.source = source;
        this.credits = credits;
        this.remaining = remaining;
        this.loadedRemaining = remaining;
        this.price = price;
        this.purchasedAt = purchasedAt;
        this.refundableUntil = refundableUntil;
        this.status = status;
    }

    /** Takes up to {@code wanted} credits; returns how many were taken. */
    long take(long wanted, boolean refund) {
        long taken = Math.min(wanted, remaining);
        remaining -= taken;
        if (refund) {
            status = Status.REFUNDED;
        } else if (remaining == 0) {
            status = Status.SPENT;
        }
        return taken;
    }

    /** Whether its unspent part may still be refunded at {@code now}. */
    public boolean refundableAt(Instant now) {
        return price != null && refundableUntil != null && now.isBefore(refundableUntil);
    }

    /**
     * The money back for {@code credits} of this lot: {@code price x credits / lot credits}, rounded down to the
     * currency's minor unit (the user never gets more than they paid per credit).
     */
    public BigDecimal refundAmount(long refundedCredits) {
        if (price == null) {
            return BigDecimal.ZERO;
        }
        int digits = Math.max(0, price.currency().getDefaultFractionDigits());
        return price.amount()
                .multiply(BigDecimal.valueOf(refundedCredits))
                .divide(BigDecimal.valueOf(credits), digits, RoundingMode.DOWN);
    }

    public boolean changed() {
        return remaining != loadedRemaining || status == Status.REFUNDED;
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String source() {
        return source;
    }

    public long credits() {
        return credits;
    }

    public long remaining() {
        return remaining;
    }

    public Price price() {
        return price;
    }

    public Instant purchasedAt() {
        return purchasedAt;
    }

    public Instant refundableUntil() {
        return refundableUntil;
    }

    public Status status() {
        return status;
    }
}
