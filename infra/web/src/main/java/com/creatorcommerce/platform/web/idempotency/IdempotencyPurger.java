package com.creatorcommerce.platform.web.idempotency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Deletes idempotency keys older than the retention, in bounded chunks, every {@code purge-interval} on a daemon
 * thread of its own (no dependency on the application enabling {@code @Scheduled}). Safe to run on every instance.
 */
public class IdempotencyPurger implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurger.class);

    private final JdbcIdempotencyStore store;
    private final IdempotencyProperties properties;
    private ScheduledExecutorService scheduler;

    public IdempotencyPurger(JdbcIdempotencyStore store, IdempotencyProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Purges now; returns the number of keys deleted. */
    public int purgeExpired() {
        int deleted = store.purgeOlderThan(properties.retention(), properties.purgeBatchSize());
        if (deleted > 0) {
            log.debug("Purged {} expired idempotency keys", deleted);
        }
        return deleted;
    }

    @Override
    public void afterPropertiesSet() {
        long interval = properties.purgeInterval().toMillis();
        if (interval <= 0) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-key-purge");
            thread.setDaemon(true);
            return thread;
        });
        long initialDelay = Math.min(interval, 60_000);
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        purgeExpired();
                    } catch (RuntimeException e) {
                        log.warn("Purging expired idempotency keys failed; will retry", e);
                    }
                },
                initialDelay,
                interval,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
