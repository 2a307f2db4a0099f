package com.creatorcommerce.point.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A user's wallet ({@code point_balances}). Changed only through the ledger (a balance change always writes its
 * history row in the same transaction); {@code version} counts the changes applied.
 */
@Entity
@Table(name = "point_balances")
public class PointBalance {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "balance", nullable = false)
    private long balance;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PointBalance() {}

    public static PointBalance open(long userId, Instant now) {
        PointBalance b = new PointBalance();
        b.userId = userId;
        b.createdAt = now;
        b.updatedAt = now;
        return b;
    }

    /**
     * Applies a signed change under {@link Wallet}'s rule (never below zero); returns the balance before. The service
     * changes wallets through the batched ledger ({@link Wallet}); this is the same rule for one change on the entity
     * (the benchmark's per-use baselines).
     *
     * @throws IllegalStateException when the balance does not cover a debit
     */
    public long change(long signedAmount, Instant now) {
        long before = balance;
        if (!Wallet.covers(before, signedAmount)) {
            throw new IllegalStateException("Insufficient points: " + before + " < " + -signedAmount);
        }
        balance = before + signedAmount;
        updatedAt = now;
        return before;
    }

    public long userId() {
        return userId;
    }

    public long balance() {
        return balance;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
