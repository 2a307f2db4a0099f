package com.creatorcommerce.point.domain;

/** {@code point_transactions.transaction_type}: a credit (CHARGE, REFUND) or a debit (USE). */
public enum TransactionType {
    CHARGE(1),
    USE(-1),
    REFUND(1);

    private final int sign;

    TransactionType(int sign) {
        this.sign = sign;
    }

    /** The signed ledger amount of a change of {@code magnitude} points. */
    public long signed(long magnitude) {
        return sign * magnitude;
    }

    public boolean isDebit() {
        return sign < 0;
    }

    /** The type named {@code text} in any case ({@code "use"}, {@code "CHARGE"}); empty for anything else. */
    public static java.util.Optional<TransactionType> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (TransactionType t : values()) {
            if (t.name().equalsIgnoreCase(text.trim())) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
