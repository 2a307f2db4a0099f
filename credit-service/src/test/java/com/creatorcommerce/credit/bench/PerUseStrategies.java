package com.creatorcommerce.credit.bench;

import com.creatorcommerce.contracts.credit.CreditBalanceChanged;
import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two baselines of {@link CreditWalletBenchmark}, one transaction per use, writing exactly the rows the service
 * writes for a use (history row, wallet update with version and totals, outbox event):
 * <ul>
 *   <li>{@link #forUpdate}: {@code SELECT ... FOR UPDATE} of the wallet row, then the writes;</li>
 *   <li>{@link #seedOptimistic}: seed 000 as written: read the wallet without a lock, {@code UPDATE ... WHERE version =
 *       ?}; no row updated is a conflict: roll back, wait 10 ms x attempt, try again, at most 3 attempts, then
 *       fail.</li>
 * </ul>
 */
final class PerUseStrategies {

    private static final int SEED_ATTEMPTS = 3;
    private static final long SEED_BACKOFF_MILLIS = 10;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final long amount;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();

    PerUseStrategies(ConfigurableApplicationContext app, long amount) {
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.tx = app.getBean(TransactionTemplate.class);
        this.ids = app.getBean(IdGenerator.class);
        this.outbox = app.getBean(Outbox.class);
        this.amount = amount;
    }

    private record Wallet(long balance, long totalSpent, long version) {}

    /** Thrown inside the transaction when the version moved: rolls it back. */
    private static final class Conflict extends RuntimeException {
        Conflict() {
            super(null, null, false, false);
        }
    }

    boolean forUpdate(long user, String key) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            Wallet w = read(user, " FOR UPDATE");
            if (w.balance() < amount) {
                return false;
            }
            write(user, key, w);
            return true;
        }));
    }

    boolean seedOptimistic(long user, String key) {
        for (int attempt = 1; ; attempt++) {
            attempts.incrementAndGet();
            try {
                return Boolean.TRUE.equals(tx.execute(s -> {
                    Wallet w = read(user, "");
                    if (w.balance() < amount) {
                        return false;
                    }
                    write(user, key, w);
                    return true;
                }));
            } catch (Conflict e) {
                if (attempt >= SEED_ATTEMPTS) {
                    givenUp.incrementAndGet();
                    return false; // seed 000: a clear error after the last retry
                }
                try {
                    Thread.sleep(SEED_BACKOFF_MILLIS * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private Wallet read(long user, String lock) {
        return jdbc.queryForObject(
                "SELECT balance, total_spent, version FROM credits WHERE user_id = ?" + lock,
                (rs, n) -> new Wallet(rs.getLong(1), rs.getLong(2), rs.getLong(3)),
                user);
    }

    /** The version-guarded update (always true under FOR UPDATE), then the history row and the event. */
    private void write(long user, String key, Wallet w) {
        Instant now = Instant.now();
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        long after = w.balance() - amount;
        int updated = jdbc.update(
                "UPDATE credits SET balance = ?, total_spent = ?, version = version + 1, "
                        + "updated_at = ? WHERE user_id = ? AND version = ?",
                after,
                w.totalSpent() + amount,
                utc,
                user,
                w.version());
        if (updated == 0) {
            throw new Conflict();
        }
        long id = ids.nextId();
        jdbc.update("""
                INSERT INTO credit_history (id, user_id, transaction_type, amount, balance_before, balance_after,
                    description, extra_data, reference_id, idempotency_key, created_at)
                VALUES (?, ?, 'usage', ?, ?, ?, 'virtual-try-on (3 credits)', '{"feature":"virtual-try-on"}', ?, ?, ?)""", id, user, -amount, w.balance(), after, key, "usage:" + user + ":" + key, utc);
        outbox.append(OutboundMessage.of(
                        CreditTopics.EVENTS,
                        Long.toString(user),
                        CreditTopics.BALANCE_CHANGED,
                        new CreditBalanceChanged(id, user, "usage", -amount, w.balance(), after, key, now))
                .withUserId(user));
    }

    /** Median time of one transaction appending {@code n} balance-changed events to the outbox, and nothing else. */
    double outboxAppendsMillis(int n, int times) {
        long[] took = new long[times];
        for (int t = 0; t < times; t++) {
            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> {
                Instant now = Instant.now();
                for (int i = 0; i < n; i++) {
                    outbox.append(OutboundMessage.of(
                                    CreditTopics.EVENTS,
                                    "0",
                                    CreditTopics.BALANCE_CHANGED,
                                    new CreditBalanceChanged(
                                            ids.nextId(), 1, "usage", -amount, 100, 100 - amount, "diag", now))
                            .withUserId(1));
                }
                s.setRollbackOnly();
            });
            took[t] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(took);
        return took[times / 2] / 1e6;
    }

    void resetCounters() {
        attempts.set(0);
        givenUp.set(0);
    }

    long optimisticAttempts() {
        return attempts.get();
    }

    long optimisticGivenUp() {
        return givenUp.get();
    }
}
