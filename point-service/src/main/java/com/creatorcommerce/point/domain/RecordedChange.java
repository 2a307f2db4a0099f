package com.creatorcommerce.point.domain;

/**
 * A change already in the ledger, found by its idempotency key: its row's id, wallet, signed amount and the balance
 * it left. A step asked again is answered from it.
 */
public record RecordedChange(long transactionId, long userId, long amount, long balanceAfter) {

    public static RecordedChange of(PointTransaction row) {
        return new RecordedChange(row.id(), row.userId(), row.amount(), row.balanceAfter());
    }

    /**
     * Whether a step asking {@code amount} points of {@code type} for {@code askedUserId} is this very change asked
     * again (same wallet, same signed amount), rather than another change reusing its reference (a conflicting
     * command).
     */
    public boolean isSameChange(long askedUserId, TransactionType type, long amount) {
        return userId == askedUserId && this.amount == type.signed(amount);
    }

    /** {@link #isSameChange} for a {@link WalletChange}. */
    public boolean isSameAs(WalletChange asked) {
        return isSameChange(asked.userId(), asked.type(), asked.amount());
    }
}
