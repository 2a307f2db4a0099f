package com.creatorcommerce.credit.application.ledger;

import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.platform.batching.PerKeyCombiner;
import com.creatorcommerce.platform.batching.WhenBatchFails;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way credit balances change (ADR 13). Concurrent changes of one wallet are combined ({@link PerKeyCombiner}
 * of {@code infra/batching}, keyed by the user): the caller that finds the wallet idle applies everything queued for it meanwhile in one transaction
 * ({@link LedgerWriter}: one row lock, one batch insert, one balance update, one commit); the others wait for their
 * outcome. Correctness never depends on the combining: every batch locks the wallet row and writes the version back
 * only if unchanged, so other instances are serialised by the database.
 *
 * <p>Seed 000's retry rule holds per wallet transaction: a transient failure (lock wait timeout, deadlock, version
 * conflict) is retried up to {@code max-attempts} (3) with {@code attempt x backoff} (10 ms) in between, then refused
 * with {@link CreditRefusal#CREDIT_WALLET_BUSY}; nothing is ever half applied. {@link #apply} must be called outside a
 * transaction: it runs its own.
 */
@Component
public class CreditLedger {

    private static final Logger log = LoggerFactory.getLogger(CreditLedger.class);

    /** The outcome of one entry, or the refusal its batch ended with (all entries of a busy batch share it). */
    private record Result(LedgerOutcome outcome, RuntimeException refusal) {}

    private final LedgerWriter writer;
    private final PerKeyCombiner<Long, LedgerEntry, Result> batches;
    private final int maxAttempts;
    private final Duration backoff;
    private final DistributionSummary batchSizes;
    private final Timer batchTime;
    private final Counter retries;
    private final Counter busy;
    private final WalletMeters walletMeters;

    CreditLedger(LedgerWriter writer, LedgerSettings settings, MeterRegistry meters) {
        this.writer = writer;
        this.maxAttempts = settings.maxAttempts();
        this.backoff = settings.backoff();
        this.batchSizes = DistributionSummary.builder("credit.ledger.batch.size")
                .description("Ledger entries applied per wallet transaction")
                .register(meters);
        this.batchTime = Timer.builder("credit.ledger.batch.duration")
                .description("Time of one wallet transaction, retries included")
                .register(meters);
        this.retries = Counter.builder("credit.ledger.retries")
                .description("Wallet transactions retried after a transient failure")
                .register(meters);
        this.walletMeters = new WalletMeters(meters);
        this.busy = Counter.builder("credit.ledger.busy")
                .description("Wallet transactions given up after the last attempt")
                .register(meters);
        Counter split = Counter.builder("credit.ledger.batch.split")
                .description("Batches that failed and were retried entry by entry")
                .register(meters);
        this.batches = PerKeyCombiner.<Long, LedgerEntry, Result>builder(this::writeBatch)
                .maxBatch(settings.maxBatch())
                .extraBatchesBeforeHandOver(settings.extraBatches())
                // a batch answers busy refusals itself; a throw is one entry's fault (e.g. its participant's)
                .whenBatchFails(WhenBatchFails.RETRY_EACH_ALONE)
                .onBatchFailure((userId, size, failure, then) -> {
                    split.increment();
                    log.warn(
                            "A ledger batch of {} entries for wallet {} failed ({}); applying them one by one",
                            size,
                            userId,
                            failure.toString());
                })
                .build();
    }

    /**
     * Applies one entry and waits for its outcome.
     *
     * @throws CreditRefusedException {@code CREDIT_WALLET_BUSY} when the wallet could not be written after the last
     *                                attempt (nothing changed)
     */
    public LedgerOutcome apply(LedgerEntry entry) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("CreditLedger.apply runs its own transaction: call it outside one");
        }
        Result result = batches.submit(entry.userId(), entry);
        if (result.refusal() != null) {
            walletMeters.busy();
            throw result.refusal();
        }
        walletMeters.record(entry, result.outcome());
        return result.outcome();
    }

    private List<Result> writeBatch(Long userId, List<LedgerEntry> entries) {
        batchSizes.record(entries.size());
        return batchTime.record(() -> writeWithRetries(userId, entries));
    }

    private List<Result> writeWithRetries(long userId, List<LedgerEntry> entries) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.write(userId, entries).stream()
                        .map(o -> new Result(o, null))
                        .toList();
            } catch (TransientDataAccessException | WalletConflictException e) {
                if (attempt >= maxAttempts) {
                    busy.increment();
                    log.warn(
                            "Wallet {}: {} entries not applied after {} attempts ({})",
                            userId,
                            entries.size(),
                            attempt,
                            e.toString());
                    CreditRefusedException refusal = new CreditRefusedException(
                            CreditRefusal.CREDIT_WALLET_BUSY,
                            "The wallet is busy right now; nothing was changed. Please retry.");
                    return entries.stream().map(x -> new Result(null, refusal)).toList();
                }
                retries.increment();
                log.info(
                        "Wallet {}: transient failure on attempt {}/{} ({}), retrying",
                        userId,
                        attempt,
                        maxAttempts,
                        e.toString());
                LockSupport.parkNanos(backoff.toNanos() * attempt);
            }
        }
    }
}
