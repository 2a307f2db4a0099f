package com.creatorcommerce.platform.snowflake;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Snowflake} whose worker id is leased from the database and kept alive by a heartbeat. Once the lease
 * can no longer be proven valid (renewals failing past the TTL, or the id taken over) it refuses to generate
 * rather than risk a duplicate.
 */
public final class LeasedSnowflake implements IdGenerator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeasedSnowflake.class);

    private final JdbcWorkerIdLeasing leasing;
    private final TimeSource time;
    private final Duration ttl;
    private final String owner;
    private final WorkerLease lease;
    private final Snowflake snowflake;
    private final ScheduledExecutorService heartbeat;
    private volatile long validUntil;
    private volatile boolean lost;

    public LeasedSnowflake(JdbcWorkerIdLeasing leasing, TimeSource time, Duration ttl, Duration quietDrift,
            Duration maxBackwardWait) {
        this.leasing = leasing;
        this.time = time;
        this.ttl = ttl;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        long start = time.currentMillis();
        this.lease = leasing.acquire(owner, ttl);
        this.validUntil = start + ttl.toMillis();
        this.snowflake = new Snowflake(lease.workerId(), time, quietDrift, maxBackwardWait,
                lease.notBeforeEpochMillis());
        log.info("Leased Snowflake worker id {} (ttl {})", lease.workerId(), ttl);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "snowflake-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(1, ttl.toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    void renew() {
        long attemptedAt = time.currentMillis();
        try {
            if (leasing.renew(lease, owner, ttl)) {
                validUntil = attemptedAt + ttl.toMillis();
            } else {
                lost = true;
                log.error("Snowflake worker id {} lease was taken over; id generation stops", lease.workerId());
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew Snowflake worker lease {} (valid until {}): {}", lease.workerId(), validUntil,
                    e.toString());
        }
    }

    @Override
    public long nextId() {
        if (lost || time.currentMillis() >= validUntil) {
            throw new IllegalStateException("Snowflake worker id " + lease.workerId()
                    + " is not leased any more; refusing to generate ids");
        }
        return snowflake.nextId();
    }

    public int workerId() {
        return lease.workerId();
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        if (!lost) {
            try {
                leasing.release(lease, owner, time.currentMillis() + 1);
            } catch (RuntimeException e) {
                log.warn("Could not release Snowflake worker id {}; it frees itself at lease expiry",
                        lease.workerId(), e);
            }
        }
    }
}
