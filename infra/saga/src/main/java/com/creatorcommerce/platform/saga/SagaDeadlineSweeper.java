package com.creatorcommerce.platform.saga;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Periodically handles sagas past their step deadline, on every instance of the service: reads the most overdue
 * ids, then claims each one in its own transaction with {@code SELECT ... FOR UPDATE SKIP LOCKED} re-checking the
 * deadline, so that two sweepers (or a sweeper and a reply) never handle one expiry twice, and one saga whose
 * transition fails does not hold back the others (its deadline is pushed back by {@code errorBackoff}, with the
 * error in {@code last_error}).
 */
public class SagaDeadlineSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SagaDeadlineSweeper.class);
    private static final int MAX_BATCHES_PER_ROUND = 10;

    private final SagaTransitions transitions;
    private final SagaStore store;
    private final TransactionTemplate tx;
    private final Duration interval;
    private final int batchSize;
    private final Duration errorBackoff;
    private ScheduledExecutorService scheduler;

    SagaDeadlineSweeper(
            SagaTransitions transitions,
            SagaStore store,
            PlatformTransactionManager transactionManager,
            Duration interval,
            int batchSize,
            Duration errorBackoff) {
        this.transitions = transitions;
        this.store = store;
        this.tx = new TransactionTemplate(transactionManager);
        this.interval = interval;
        this.batchSize = batchSize;
        this.errorBackoff = errorBackoff;
    }

    /** One pass over at most one batch of expired sagas; returns how many this instance handled. */
    public int sweepOnce() {
        return sweep().handled();
    }

    private record Pass(int handled, boolean full) {}

    private Pass sweep() {
        List<Long> expired = store.expired(batchSize);
        int handled = 0;
        for (long id : expired) {
            try {
                if (Boolean.TRUE.equals(tx.execute(status -> transitions.deadline(id)))) {
                    handled++;
                }
            } catch (RuntimeException e) {
                log.warn("Deadline of saga {} not handled, retried in {}: {}", id, errorBackoff, e.toString());
                try {
                    tx.executeWithoutResult(status -> store.deferDeadline(id, errorBackoff, e.toString()));
                } catch (RuntimeException again) {
                    log.warn("Could not defer the deadline of saga {}: {}", id, again.toString());
                }
            }
        }
        return new Pass(handled, expired.size() == batchSize);
    }

    private void round() {
        try {
            for (int i = 0; i < MAX_BATCHES_PER_ROUND; i++) {
                if (!sweep().full()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Saga deadline sweep failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "saga-deadlines");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
