package com.creatorcommerce.credit.domain;

import java.time.Instant;

/**
 * A user's credits (table {@code credits}) while changes are applied to it: the balance never goes below zero, every
 * applied change becomes one {@link CreditHistoryEntry} continuing the previous balance, and {@code version} grows by
 * one per applied change. The caller holds the wallet's row lock and writes the entries and {@link #version()} back
 * in the same transaction, guarded by {@link #loadedVersion()}.
 */
public final class CreditWallet {

    private final long userId;
    private final long loadedVersion;
    private long balance;
    private long totalEarned;
    private long totalSpent;
    private long version;

    private CreditWallet(long userId, long balance, long totalEarned, long totalSpent, long version) {
        this.userId = userId;
        this.balance = balance;
        this.totalEarned = totalEarned;
        this.totalSpent = totalSpent;
        this.version = version;
        this.loadedVersion = version;
    }

    /** The wallet as stored. */
    public static CreditWallet of(long userId, long balance, long totalEarned, long totalSpent, long version) {
        if (balance < 0 || totalEarned < 0 || totalSpent < 0 || version < 0) {
            throw new IllegalArgumentException("A stored wallet has no negative numbers");
        }
        return new CreditWallet(userId, balance, totalEarned, totalSpent, version);
    }

    /** What became of one change. */
    public sealed interface Result {}

    /** Applied: the history row to write. */
    public record Applied(CreditHistoryEntry entry) implements Result {}

    /** A debit larger than the balance: refused, nothing changed. */
    public record Insufficient(long balance, long required) implements Result {}

    /**
     * Applies {@code change} to the running balance: a debit larger than the balance is refused; anything else
     * becomes history row {@code entryId}.
     */
    public Result apply(WalletChange change, long entryId, Instant now) {
        if (change.userId() != userId) {
            throw new IllegalArgumentException("A change of user " + change.userId() + " for wallet " + userId);
        }
        if (change.type().isDebit() && balance < change.credits()) {
            return new Insufficient(balance, change.credits());
        }
        long before = balance;
        balance = Math.addExact(balance, change.signedAmount());
        if (change.type().isEarned()) {
            totalEarned = Math.addExact(totalEarned, change.credits());
        } else if (change.type().isSpent()) {
            totalSpent = Math.addExact(totalSpent, change.credits());
        }
        version++;
        return new Applied(new CreditHistoryEntry(
                entryId,
                userId,
                change.type(),
                change.signedAmount(),
                before,
                balance,
                change.description(),
                change.extraData(),
                change.referenceId(),
                change.idempotencyKey(),
                now));
    }

    /** Changes applied since loading (= history rows to write). */
    public long appliedChanges() {
        return version - loadedVersion;
    }

    public long userId() {
        return userId;
    }

    public long balance() {
        return balance;
    }

    public long totalEarned() {
        return totalEarned;
    }

    public long totalSpent() {
        return totalSpent;
    }

    public long version() {
        return version;
    }

    /** The version read with the row: the write-back must find it unchanged. */
    public long loadedVersion() {
        return loadedVersion;
    }
}
