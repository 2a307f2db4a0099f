package com.creatorcommerce.platform.snowflake;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Snowflake} whose worker id is leased from the database and kept alive by a heartbeat (every TTL/3).
 *
 * <p><b>Fence.</b> An id is handed out only if the timestamp it <em>carries</em> is below the lease's validity end,
 * checked after generating it (an id minted after a long pause is discarded, not returned). The validity end is
 * {@code min(start of the last successful renewal attempt + ttl, leased_until recorded by the database)}: the first
 * term on the local clock as a conservative window, the second so that every id issued lies below the
 * {@code notBefore} of whoever takes the worker id over (lease times are the database's clock, see
 * {@link JdbcWorkerIdLeasing}). A host whose clock runs ahead of the database's by more than 2/3 of the TTL
 * therefore refuses ids part of the time — and says so in its health.
 *
 * <p><b>Healing.</b> When renewals fail (the database is unreachable) ids are refused once the window ends, and the
 * heartbeat keeps trying (every second at most). As soon as the database answers, a lease that is still ours is
 * renewed (nobody took it over, so the same generator continues); one that was taken over is replaced: the same
 * worker id if it is free again, else another, with a new generator starting after the previous holder's lease end.
 * The swap is one volatile write of an immutable {@link LeaseState}: the hot path stays lock-free.
 */
public final class LeasedSnowflake implements IdGenerator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeasedSnowflake.class);
    private static final long MAX_RETRY_MILLIS = 1_000;

    private final JdbcWorkerIdLeasing leasing;
    private final TimeSource time;
    private final Duration ttl;
    private final Duration quietDrift;
    private final Duration maxBackwardWait;
    private final String owner;
    private final long periodMillis;
    private final ScheduledExecutorService heartbeat;
    private volatile LeaseState state;
    private volatile boolean closed;

    public LeasedSnowflake(
            JdbcWorkerIdLeasing leasing, TimeSource time, Duration ttl, Duration quietDrift, Duration maxBackwardWait) {
        this.leasing = leasing;
        this.time = time;
        this.ttl = ttl;
        this.quietDrift = quietDrift;
        this.maxBackwardWait = maxBackwardWait;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        long start = time.currentMillis();
        WorkerLease lease = leasing.acquire(owner, ttl);
        this.state = LeaseState.held(lease, generator(lease, lease.notBeforeEpochMillis()), validUntil(start, lease));
        log.info("Leased Snowflake worker id {} (ttl {})", lease.workerId(), ttl);
        this.periodMillis = Math.max(1, ttl.toMillis() / 3);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "snowflake-lease-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.schedule(this::tick, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public long nextId() {
        LeaseState s = state;
        long id = s.snowflake.nextId();
        // the fence is the id's own timestamp (a pause before or inside nextId cannot slip past it); reading
        // `closed` after the CAS pairs with close() writing it before it reads the generator's last timestamp
        if (Snowflake.timestampOf(id) >= s.idsBefore || closed) {
            throw refused(s);
        }
        return id;
    }

    /** The worker id currently leased (it changes when a lost lease is replaced by another worker id). */
    public int workerId() {
        return state.lease.workerId();
    }

    /** A snapshot for health reporting. */
    public Status status() {
        LeaseState s = state;
        boolean valid = s.held && !closed && time.currentMillis() < s.validUntil;
        return new Status(s.lease.workerId(), valid, s.validUntil, closed ? "closed" : s.lastError);
    }

    private void tick() {
        if (closed) {
            return;
        }
        heartbeat();
        if (!closed) {
            long delay = state.lastError == null ? periodMillis : Math.min(periodMillis, MAX_RETRY_MILLIS);
            heartbeat.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** One heartbeat, on the heartbeat thread (the only writer of {@link #state}): renew, or replace a lost lease. */
    private void heartbeat() {
        long attemptedAt = time.currentMillis();
        LeaseState s = state;
        try {
            if (s.held) {
                Optional<WorkerLease> renewed = leasing.renew(s.lease, owner, ttl);
                if (renewed.isPresent()) {
                    if (s.lastError != null) {
                        log.info("Snowflake worker id {} lease renewed again", s.lease.workerId());
                    }
                    state = s.renewed(renewed.get(), validUntil(attemptedAt, renewed.get()));
                    return;
                }
                log.error(
                        "Snowflake worker id {} lease is no longer ours (taken over or released); leasing one again",
                        s.lease.workerId());
                s = s.lost("worker id " + s.lease.workerId() + " is no longer ours");
                state = s;
            }
            WorkerLease lease = leasing.reacquire(owner, s.lease.workerId(), ttl);
            long notBefore = lease.notBeforeEpochMillis();
            if (lease.workerId() == s.lease.workerId()) {
                notBefore = Math.max(notBefore, s.issuedUpTo()); // defence in depth: after our own ids too
            }
            state = LeaseState.held(lease, generator(lease, notBefore), validUntil(attemptedAt, lease));
            log.warn(
                    "Leased Snowflake worker id {} again (previously {}); ids resume",
                    lease.workerId(),
                    s.lease.workerId());
        } catch (RuntimeException e) {
            state = s.failed(e.toString());
            log.warn(
                    "Could not renew Snowflake worker lease {} (ids valid until {}): {}",
                    s.lease.workerId(),
                    Instant.ofEpochMilli(s.validUntil),
                    e.toString());
        }
    }

    private long validUntil(long attemptedAt, WorkerLease lease) {
        return Math.min(attemptedAt + ttl.toMillis(), lease.leasedUntilEpochMillis());
    }

    private Snowflake generator(WorkerLease lease, long notBefore) {
        return new Snowflake(lease.workerId(), time, quietDrift, maxBackwardWait, notBefore);
    }

    private static IllegalStateException refused(LeaseState s) {
        return new IllegalStateException("Snowflake worker id " + s.lease.workerId()
                + " holds no valid lease (valid until " + Instant.ofEpochMilli(s.validUntil)
                + (s.lastError == null ? "" : "; last error: " + s.lastError) + "); refusing to generate ids");
    }

    /**
     * Stops the heartbeat and gives the worker id back, recording as its end a millisecond after both the clock and
     * the last timestamp used (ahead of the clock after it stepped back), so the next holder starts after every id.
     */
    @Override
    public void close() {
        closed = true;
        heartbeat.shutdownNow();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LeaseState s = state;
        if (!s.held) {
            return;
        }
        long lastUsed = Math.max(s.snowflake.lastTimestampMillis(), time.currentMillis()) + 1;
        try {
            leasing.release(s.lease, owner, lastUsed);
        } catch (RuntimeException e) {
            log.warn(
                    "Could not release Snowflake worker id {}; it frees itself at lease expiry", s.lease.workerId(), e);
        }
    }

    /**
     * The lease as health reporting sees it.
     *
     * @param workerId the worker id held (or last held)
     * @param valid whether ids are handed out now
     * @param validUntilEpochMillis end of the last proven lease (local clock)
     * @param lastError the last renewal failure, {@code null} when the last attempt succeeded
     */
    public record Status(int workerId, boolean valid, long validUntilEpochMillis, String lastError) {}
}
