package com.creatorcommerce.credit.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of balance change (seed 002, plus {@code donation}); {@link #wireName()} is the value stored in
 * {@code credit_history.transaction_type} and shown in the API ({@code purchase}, {@code usage}...).
 */
public enum TransactionType {

    /** Credits bought with a package: adds, counts as earned. */
    PURCHASE(false, true),
    /** Credits spent on a paid feature: removes, counts as spent. */
    USAGE(true, false),
    /** Credits taken back because the payment that bought them was refunded: removes, neither earned nor spent. */
    REFUND(true, false),
    /** Credits granted by an admin: adds, counts as earned. */
    BONUS(false, true),
    /** Credits given to a creator: removes, counts as spent. */
    DONATION(true, false);

    private final boolean debit;
    private final boolean earned;

    TransactionType(boolean debit, boolean earned) {
        this.debit = debit;
        this.earned = earned;
    }

    public boolean isDebit() {
        return debit;
    }

    /** Purchases and bonuses add to {@code total_earned}. */
    public boolean isEarned() {
        return earned;
    }

    /** Usages and donations add to {@code total_spent} (a refund is neither earned nor spent). */
    public boolean isSpent() {
        return this == USAGE || this == DONATION;
    }

    /** The signed amount of a change of {@code credits} (positive) of this type. */
    public long signed(long credits) {
        return debit ? -credits : credits;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a stored or requested name ({@code usage}); empty for anything else. */
    public static Optional<TransactionType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
