package com.creatorcommerce.platform.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's second thread: renews the slot leases every {@code renewInterval}, whatever the relay thread is
 * doing (a round may wait on a slow broker), and refreshes the outbox gauges.
 */
final class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);

    private final SlotLeases leases;
    private final OutboxStore store;
    private final OutboxMetrics metrics;
    private final Duration renewInterval;
    private final Runnable renewed;
    private ScheduledExecutorService scheduler;

    /** {@code renewed} runs after each successful renewal (the relay may have paused for lack of a valid lease). */
    LeaseKeeper(SlotLeases leases, OutboxStore store, OutboxMetrics metrics, Duration renewInterval, Runnable renewed) {
        this.leases = leases;
        this.store = store;
        this.metrics = metrics;
        this.renewInterval = renewInterval;
        this.renewed = renewed;
    }

    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-lease-keeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                this::renew, renewInterval.toMillis(), renewInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::refreshStats, 0, STATS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void renew() {
        try {
            leases.renew();
            renewed.run();
        } catch (RuntimeException e) {
            log.warn("Could not renew outbox slot leases (publishing pauses when they run out): {}", e.toString());
        }
    }

    private void refreshStats() {
        try {
            metrics.stats(store.stats());
        } catch (RuntimeException e) {
            log.debug("Could not refresh outbox gauges: {}", e.toString());
        }
    }
}
