package com.creatorcommerce.point.application.ledger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way balances change. Concurrent changes of one wallet are combined: the caller that finds the wallet idle
 * becomes its writer and applies everything queued for it meanwhile in one transaction ({@link LedgerWriter}: one
 * row lock, one batch insert, one balance update, one commit), the others wait for their outcome. Under contention a
 * wallet therefore costs one transaction per batch instead of one (serialised) transaction per change; alone, a
 * change is a batch of one.
 *
 * <p>Correctness never depends on the combining: each batch locks the wallet row, so other instances (and anything
 * else) are serialised by the database. If a batch fails, its entries are retried one by one so that one bad entry
 * fails alone. {@link #apply} must be called outside a transaction: it runs its own.
 */
@Component
public class PointLedger {

    private static final Logger log = LoggerFactory.getLogger(PointLedger.class);
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** Batches a writer applies after its own entry is done before it hands over. */
    private static final int EXTRA_BATCHES = 4;
    private static final int TRANSIENT_RETRIES = 3;

    private final LedgerWriter writer;
    private final int maxBatch;
    private final ConcurrentHashMap<Long, Wallet> wallets = new ConcurrentHashMap<>();
    private final DistributionSummary batchSizes;
    private final Counter retriedAlone;

    PointLedger(LedgerWriter writer, @Value("${platform.points.ledger.max-batch:200}") int maxBatch,
            MeterRegistry meters) {
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.batchSizes = DistributionSummary.builder("point.ledger.batch.size")
                .description("Ledger entries applied per wallet transaction").register(meters);
        this.retriedAlone = Counter.builder("point.ledger.batch.split")
                .description("Batches that failed and were retried entry by entry").register(meters);
    }

    /** Applies one entry and waits for its outcome; throws what applying it alone threw. */
    public LedgerOutcome apply(LedgerEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("PointLedger.apply runs its own transaction: call it outside one");
        }
        Pending pending = new Pending(entry);
        Wallet wallet = wallets.computeIfAbsent(entry.userId(), Wallet::new);
        wallet.queue.add(pending);
        while (!pending.done) {
            wallet.tryWrite(pending);
            if (!pending.done) {
                LockSupport.parkNanos(this, PARK_NANOS);
            }
        }
        if (pending.failure != null) {
            if (pending.failure instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException(pending.failure);
        }
        return pending.outcome;
    }

    /**
     * Runs {@code work} (given the balance) in its own transaction holding the wallet's row lock, so it is serialised
     * with every change of the wallet on any instance: a decision that must not interleave with a ledger entry (e.g.
     * closing an order against a late USE) sees every entry committed before it, and entries after it see its effect.
     * Changes no balance. Must be called outside a transaction.
     */
    public <T> T underWalletLock(long userId, LongFunction<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "PointLedger.underWalletLock runs its own transaction: call it outside one");
        }
        if (userId <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + userId);
        }
        return writer.withWalletLocked(userId, work);
    }

    private static final class Pending {
        final LedgerEntry entry;
        final Thread waiter = Thread.currentThread();
        volatile LedgerOutcome outcome;
        volatile Throwable failure;
        volatile boolean done;

        Pending(LedgerEntry entry) {
            this.entry = entry;
        }

        void complete(LedgerOutcome o) {
            outcome = o;
            done = true;
            LockSupport.unpark(waiter);
        }

        void fail(Throwable t) {
            failure = t;
            done = true;
            LockSupport.unpark(waiter);
        }
    }

    private final class Wallet {
        final long userId;
        final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean writing = new AtomicBoolean();

        Wallet(long userId) {
            this.userId = userId;
        }

        /** Becomes the wallet's writer if nobody is, and applies batches until {@code own} is done (plus a few). */
        void tryWrite(Pending own) {
            if (!writing.compareAndSet(false, true)) {
                return;
            }
            try {
                int extra = 0;
                while (!queue.isEmpty() && (!own.done || extra++ < EXTRA_BATCHES)) {
                    List<Pending> batch = new ArrayList<>();
                    Pending p;
                    while (batch.size() < maxBatch && (p = queue.poll()) != null) {
                        batch.add(p);
                    }
                    write(userId, batch);
                }
            } finally {
                writing.set(false);
            }
            Pending next = queue.peek();
            if (next != null) {
                LockSupport.unpark(next.waiter); // hand over to a waiting caller
            } else {
                wallets.remove(userId, this);
                // an entry added between the check and the removal is still handled: its caller keeps trying
                // to write this wallet object until its entry is done
            }
        }
    }

    private void write(long userId, List<Pending> batch) {
        batchSizes.record(batch.size());
        try {
            List<LedgerOutcome> outcomes = writeRetryingTransient(userId,
                    batch.stream().map(p -> p.entry).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error batchFailure) {
            if (batch.size() == 1) {
                batch.getFirst().fail(batchFailure);
                return;
            }
            retriedAlone.increment();
            log.warn("A ledger batch of {} entries for wallet {} failed ({}); applying them one by one",
                    batch.size(), userId, batchFailure.toString());
            for (Pending p : batch) {
                try {
                    p.complete(writeRetryingTransient(userId, List.of(p.entry)).getFirst());
                } catch (RuntimeException | Error e) {
                    p.fail(e);
                }
            }
        }
    }

    private List<LedgerOutcome> writeRetryingTransient(long userId, List<LedgerEntry> entries) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.write(userId, entries);
            } catch (TransientDataAccessException e) {
                if (attempt >= TRANSIENT_RETRIES) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10L * attempt));
            }
        }
    }
}
