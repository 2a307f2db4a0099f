package com.creatorcommerce.platform.messaging;

import com.creatorcommerce.platform.snowflake.Snowflake;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention: deletes published outbox rows created before their retention, and inbox rows past theirs, in bounded
 * chunks, periodically.
 * (Failed outbox rows are kept for operators.)
 */
public class MessagingMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessagingMaintenance.class);
    private static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final Duration outboxRetention;
    private final Duration inboxRetention;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public MessagingMaintenance(
            DataSource dataSource, Duration outboxRetention, Duration inboxRetention, Duration interval) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
        this.interval = interval;
    }

    /** Deletes what is past retention; returns {outbox rows, inbox rows} deleted. */
    public long[] purge(Instant now) {
        // by id, which is a Snowflake (time-ordered): served by the (status, id) index the relay uses anyway
        long outbox = deleteInChunks(
                "DELETE FROM outbox_event WHERE status = 'PUBLISHED' AND id < ? LIMIT " + CHUNK,
                Snowflake.firstIdAt(now.minus(outboxRetention)));
        long inbox = deleteInChunks(
                "DELETE FROM processed_message WHERE processed_at < ? LIMIT " + CHUNK,
                Timestamp.from(now.minus(inboxRetention)));
        return new long[] {outbox, inbox};
    }

    private long deleteInChunks(String sql, Object cutoff) {
        long total = 0;
        int n;
        do {
            n = jdbc.update(sql, cutoff);
            total += n;
        } while (n == CHUNK);
        return total;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "messaging-retention");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        long[] n = purge(Instant.now());
                        if (n[0] + n[1] > 0) {
                            log.info("Purged {} outbox and {} inbox rows past retention", n[0], n[1]);
                        }
                    } catch (RuntimeException e) {
                        log.warn("Messaging retention purge failed: {}", e.toString());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
