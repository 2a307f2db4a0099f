package com.creatorcommerce.point.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The money rules of one wallet, applied to changes in order while its row is locked (ADR 8): a balance never goes
 * below zero (a debit larger than the balance is refused), every applied change writes one immutable ledger row that
 * continues the previous one ({@code balance_before + amount = balance_after}), and a change whose idempotency key is
 * in the ledger already is not applied again. Starts from the stored balance and the ledger rows of the keys about to
 * be decided; collects the new rows and the final balance to store.
 */
public final class Wallet {

    private final long userId;
    private long balance;
    private final Map<String, RecordedChange> recorded;
    private final List<PointTransaction> newRows = new ArrayList<>();

    private Wallet(long userId, long balance, Map<String, RecordedChange> recorded) {
        if (balance < 0) {
            throw new IllegalStateException("Wallet " + userId + " holds a negative balance: " + balance);
        }
        this.userId = userId;
        this.balance = balance;
        this.recorded = new HashMap<>(recorded);
    }

    /**
     * The wallet of {@code userId} holding {@code balance}, with the ledger rows already recorded for the idempotency
     * keys it will be asked about (keys absent from the map were never applied).
     */
    public static Wallet of(long userId, long balance, Map<String, RecordedChange> recordedByKey) {
        return new Wallet(userId, balance, recordedByKey);
    }

    /** Whether a wallet holding {@code balance} can take a change of {@code signedAmount} (never below zero). */
    public static boolean covers(long balance, long signedAmount) {
        return Math.addExact(balance, signedAmount) >= 0;
    }

    /**
     * Decides {@code change} against the balance left by the changes decided before it. When applied, the new row
     * gets its id from {@code ids} (asked only then) and {@code now} as its time.
     *
     * @throws IllegalArgumentException for a change of another wallet
     * @throws ArithmeticException when the balance would overflow
     */
    public WalletDecision decide(WalletChange change, LongSupplier ids, Instant now) {
        if (change.userId() != userId) {
            throw new IllegalArgumentException("A change of wallet " + change.userId() + " asked of wallet " + userId);
        }
        RecordedChange done = recorded.get(change.idempotencyKey());
        if (done != null) {
            return new WalletDecision.AlreadyApplied(done);
        }
        long signed = change.signedAmount();
        if (!covers(balance, signed)) {
            return new WalletDecision.Insufficient(balance);
        }
        long before = balance;
        long after = Math.addExact(before, signed);
        PointTransaction row = new PointTransaction(
                ids.getAsLong(),
                userId,
                change.type(),
                signed,
                before,
                after,
                change.referenceType(),
                change.referenceId(),
                change.idempotencyKey(),
                now);
        balance = after;
        newRows.add(row);
        recorded.put(row.idempotencyKey(), RecordedChange.of(row));
        return new WalletDecision.Applied(row);
    }

    public long userId() {
        return userId;
    }

    /** The balance after every change applied so far. */
    public long balance() {
        return balance;
    }

    /** The ledger rows of the changes applied so far, in order. */
    public List<PointTransaction> newRows() {
        return List.copyOf(newRows);
    }
}
