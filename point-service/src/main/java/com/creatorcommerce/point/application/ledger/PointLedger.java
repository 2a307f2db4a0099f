package com.creatorcommerce.point.application.ledger;

import com.creatorcommerce.platform.batching.PerKeyCombiner;
import com.creatorcommerce.platform.batching.WhenBatchFails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way balances change. Concurrent changes of one wallet are combined ({@link PerKeyCombiner}, keyed by the
 * wallet): the caller that finds the wallet idle becomes its writer and applies everything queued for it meanwhile in
 * one transaction ({@link LedgerWriter}: one row lock, one batch insert, one balance update, one commit), the others
 * wait for their outcome. Under contention a wallet therefore costs one transaction per batch instead of one
 * (serialised) transaction per change; alone, a change is a batch of one.
 *
 * <p>Correctness never depends on the combining: each batch locks the wallet row, so other instances (and anything
 * else) are serialised by the database. If a batch fails, its entries are retried one by one so that one bad entry
 * fails alone. {@link #apply} must be called outside a transaction: it runs its own.
 */
@Component
public class PointLedger {

    private static final Logger log = LoggerFactory.getLogger(PointLedger.class);
    /** Batches a writer applies after its own entry is done before it hands over. */
    private static final int EXTRA_BATCHES = 4;

    private static final int TRANSIENT_RETRIES = 3;

    private final LedgerWriter writer;
    private final PerKeyCombiner<Long, LedgerEntry, LedgerOutcome> wallets;
    private final DistributionSummary batchSizes;
    private final Counter retriedAlone;
    private final WalletMeters walletMeters;

    PointLedger(
            LedgerWriter writer,
            @Value("${platform.points.ledger.max-batch:200}") int maxBatch,
            MeterRegistry meters,
            WalletMeters walletMeters) {
        this.writer = writer;
        this.walletMeters = walletMeters;
        this.batchSizes = DistributionSummary.builder("point.ledger.batch.size")
                .description("Ledger entries applied per wallet transaction")
                .register(meters);
        this.retriedAlone = Counter.builder("point.ledger.batch.split")
                .description("Batches that failed and were retried entry by entry")
                .register(meters);
        this.wallets = PerKeyCombiner.<Long, LedgerEntry, LedgerOutcome>builder(this::write)
                .maxBatch(maxBatch)
                .extraBatchesBeforeHandOver(EXTRA_BATCHES)
                .whenBatchFails(WhenBatchFails.RETRY_EACH_ALONE)
                .onBatchFailure((userId, size, failure, then) -> {
                    retriedAlone.increment();
                    log.warn(
                            "A ledger batch of {} entries for wallet {} failed ({}); applying them one by one",
                            size,
                            userId,
                            failure.toString());
                })
                .build();
    }

    /** Applies one entry and waits for its outcome; throws what applying it alone threw. */
    public LedgerOutcome apply(LedgerEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("PointLedger.apply runs its own transaction: call it outside one");
        }
        return wallets.submit(entry.userId(), entry);
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

    /** One batch of one wallet (retried a few times when the database fails transiently, e.g. a lock wait timeout). */
    private List<LedgerOutcome> write(Long userId, List<LedgerEntry> entries) {
        batchSizes.record(entries.size());
        for (int attempt = 1; ; attempt++) {
            try {
                List<LedgerOutcome> outcomes = writer.write(userId, entries); // committed
                for (int i = 0; i < outcomes.size(); i++) {
                    if (outcomes.get(i) instanceof LedgerOutcome.Applied) {
                        walletMeters.applied(entries.get(i).change().type());
                    }
                }
                return outcomes;
            } catch (TransientDataAccessException e) {
                if (attempt >= TRANSIENT_RETRIES) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10L * attempt));
            }
        }
    }
}
