package com.creatorcommerce.point.application.ledger;

import com.creatorcommerce.contracts.point.PointBalanceChanged;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies entries of ONE wallet in ONE transaction: lock the wallet row, look up the entries' idempotency keys,
 * decide each entry in order against the running balance (never below zero), write all ledger rows in one batch,
 * set the balance once, announce each change. The row lock makes this correct against any other writer of the
 * wallet (other instances included); writing many entries per lock and commit is what makes it fast.
 */
@Component
public class LedgerWriter {

    private static final String INSERT_ROW = """
            INSERT INTO point_transactions (transaction_id, user_id, transaction_type, amount, balance_before,
                                            balance_after, reference_type, reference_id, idempotency_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final Clock clock;

    LedgerWriter(JdbcTemplate jdbc, TransactionTemplate tx, IdGenerator ids, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ids = ids;
        this.outbox = outbox;
        this.clock = clock;
    }

    private record Existing(long transactionId, long userId, long amount, long balanceAfter) {
    }

    /** Applies {@code entries} (all of wallet {@code userId}) in one new transaction; outcomes in entry order. */
    public List<LedgerOutcome> write(long userId, List<LedgerEntry> entries) {
        return tx.execute(status -> writeInTransaction(userId, entries));
    }

    /**
     * Runs {@code work} in a new transaction that holds wallet {@code userId}'s row lock (the lock every batch takes,
     * creating the wallet if needed); {@code work} gets the balance.
     */
    public <T> T withWalletLocked(long userId, LongFunction<T> work) {
        return tx.execute(status -> work.apply(lockWallet(userId, clock.instant())));
    }

    private List<LedgerOutcome> writeInTransaction(long userId, List<LedgerEntry> entries) {
        Instant now = clock.instant();
        long balance = lockWallet(userId, now);
        Map<String, Existing> existing = existing(entries);
        List<Object[]> rows = new ArrayList<>();
        List<LedgerOutcome> outcomes = new ArrayList<>(entries.size());
        for (LedgerEntry e : entries) {
            if (e.userId() != userId) {
                throw new IllegalArgumentException("Entry of user " + e.userId() + " in a batch of wallet " + userId);
            }
            try (MessageContext.Scope ignored = e.cause() == null ? () -> { } : MessageContext.open(e.cause())) {
                if (!e.participant().admit()) {
                    outcomes.add(new LedgerOutcome.NotAdmitted());
                    continue;
                }
                LedgerOutcome outcome;
                Existing done = existing.get(e.idempotencyKey());
                if (done != null) {
                    outcome = new LedgerOutcome.AlreadyApplied(done.transactionId(), done.userId(), done.amount(),
                            done.balanceAfter());
                } else if (e.type().isDebit() && balance < e.amount()) {
                    outcome = new LedgerOutcome.Insufficient(balance);
                } else {
                    long id = ids.nextId();
                    long before = balance;
                    balance = Math.addExact(balance, e.signedAmount());
                    rows.add(new Object[] {id, userId, e.type().name(), e.signedAmount(), before, balance,
                            e.referenceType().name(), e.referenceId(), e.idempotencyKey(), Timestamp.from(now)});
                    existing.put(e.idempotencyKey(), new Existing(id, userId, e.signedAmount(), balance));
                    outcome = new LedgerOutcome.Applied(id, e.signedAmount(), before, balance, now);
                    outbox.append(OutboundMessage.of(PointTopics.EVENTS, Long.toString(userId),
                            PointTopics.BALANCE_CHANGED, new PointBalanceChanged(id, userId, e.type().name(),
                                    e.signedAmount(), before, balance, e.referenceType().name(), e.referenceId(), now))
                            .withUserId(userId));
                }
                e.participant().complete(outcome);
                outcomes.add(outcome);
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT_ROW, rows);
            jdbc.update("UPDATE point_balances SET balance = ?, version = version + ?, updated_at = ? WHERE user_id = ?",
                    balance, rows.size(), Timestamp.from(now), userId);
        }
        return outcomes;
    }

    /** Locks (creating if needed) the wallet row until commit; returns its balance. */
    private long lockWallet(long userId, Instant now) {
        List<Long> balance = jdbc.queryForList("SELECT balance FROM point_balances WHERE user_id = ? FOR UPDATE",
                Long.class, userId);
        if (balance.isEmpty()) {
            jdbc.update("""
                    INSERT INTO point_balances (user_id, balance, version, created_at, updated_at)
                    VALUES (?, 0, 0, ?, ?) ON DUPLICATE KEY UPDATE user_id = user_id""",
                    userId, Timestamp.from(now), Timestamp.from(now));
            balance = jdbc.queryForList("SELECT balance FROM point_balances WHERE user_id = ? FOR UPDATE",
                    Long.class, userId);
        }
        return balance.getFirst();
    }

    private Map<String, Existing> existing(List<LedgerEntry> entries) {
        List<String> keys = entries.stream().map(LedgerEntry::idempotencyKey).distinct().toList();
        String in = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
        Map<String, Existing> found = new HashMap<>();
        jdbc.query("SELECT idempotency_key, transaction_id, user_id, amount, balance_after FROM point_transactions "
                + "WHERE idempotency_key IN (" + in + ")", rs -> {
                    found.put(rs.getString(1), new Existing(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5)));
                }, keys.toArray());
        return found;
    }
}
