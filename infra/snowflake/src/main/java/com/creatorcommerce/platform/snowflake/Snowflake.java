package com.creatorcommerce.platform.snowflake;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 64-bit Snowflake ids: {@code 0 | 41 bits ms since EPOCH | 10 bits worker | 12 bits sequence}.
 *
 * <p>Lock-free: the last timestamp and sequence live in one {@link AtomicLong} ({@code ts << 12 | seq}), so an id is
 * one CAS. At most 4,096 ids per millisecond per worker; past that the caller spins until the next millisecond.
 *
 * <p>Clock moving backwards never yields a duplicate: a drift up to {@code quietDrift} is waited out silently, a
 * drift up to {@code maxBackwardWait} is waited out with a warning, a larger one throws
 * {@link ClockMovedBackwardsException} (and keeps throwing until the clock is past the last id's timestamp).
 *
 * <p>{@code notBefore} lets a worker id taken over from a previous owner start strictly after everything that owner
 * may have generated (the end of its lease).
 */
public final class Snowflake implements IdGenerator {

    /** 2024-01-01T00:00:00Z: the 41-bit timestamp lasts until 2093. */
    public static final long EPOCH_MILLIS =
            Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    public static final int WORKER_BITS = 10;
    public static final int SEQUENCE_BITS = 12;
    public static final int MAX_WORKER_ID = (1 << WORKER_BITS) - 1;
    static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    static final long MAX_TIMESTAMP = (1L << 41) - 1;

    /** The smallest id any worker can generate at {@code time}: ids below it were all generated before. */
    public static long firstIdAt(Instant time) {
        return Math.max(0, time.toEpochMilli() - EPOCH_MILLIS) << (WORKER_BITS + SEQUENCE_BITS);
    }

    public static final Duration DEFAULT_QUIET_DRIFT = Duration.ofMillis(10);
    public static final Duration DEFAULT_MAX_BACKWARD_WAIT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(Snowflake.class);

    private final long workerBits;
    private final int workerId;
    private final TimeSource time;
    private final long quietDriftMillis;
    private final long maxBackwardWaitMillis;
    /** {@code relativeTimestamp << SEQUENCE_BITS | sequence} of the last id handed out. */
    private final AtomicLong state;

    public Snowflake(int workerId) {
        this(workerId, TimeSource.SYSTEM, DEFAULT_QUIET_DRIFT, DEFAULT_MAX_BACKWARD_WAIT, 0L);
    }

    public Snowflake(
            int workerId, TimeSource time, Duration quietDrift, Duration maxBackwardWait, long notBeforeEpochMillis) {
        if (workerId < 0 || workerId > MAX_WORKER_ID) {
            throw new IllegalArgumentException("worker id must be in [0, " + MAX_WORKER_ID + "], was " + workerId);
        }
        if (quietDrift.isNegative() || maxBackwardWait.compareTo(quietDrift) < 0) {
            throw new IllegalArgumentException("need 0 <= quietDrift <= maxBackwardWait");
        }
        this.workerId = workerId;
        this.workerBits = (long) workerId << SEQUENCE_BITS;
        this.time = time;
        this.quietDriftMillis = quietDrift.toMillis();
        this.maxBackwardWaitMillis = maxBackwardWait.toMillis();
        long floor = Math.max(0, notBeforeEpochMillis - EPOCH_MILLIS);
        // the first id will use a timestamp strictly greater than floor
        this.state = new AtomicLong((floor << SEQUENCE_BITS) | SEQUENCE_MASK);
    }

    public int workerId() {
        return workerId;
    }

    /**
     * The millisecond (Unix epoch) of the last id handed out, or the {@code notBefore} floor if none yet. Ahead of
     * the clock after the clock stepped back; whoever takes this worker id over must start after it.
     */
    public long lastTimestampMillis() {
        return (state.get() >>> SEQUENCE_BITS) + EPOCH_MILLIS;
    }

    @Override
    public long nextId() {
        while (true) {
            long now = time.currentMillis() - EPOCH_MILLIS;
            long last = state.get();
            long lastTs = last >>> SEQUENCE_BITS;
            long next;
            if (now > lastTs) {
                if (now > MAX_TIMESTAMP) {
                    throw new IllegalStateException("Snowflake timestamp space exhausted");
                }
                next = now << SEQUENCE_BITS;
            } else if (now == lastTs) {
                if ((last & SEQUENCE_MASK) == SEQUENCE_MASK) {
                    Thread.onSpinWait(); // 4,096 ids this millisecond already: wait for the next one
                    continue;
                }
                next = last + 1;
            } else {
                waitOutBackwardDrift(lastTs - now);
                continue;
            }
            if (state.compareAndSet(last, next)) {
                long ts = next >>> SEQUENCE_BITS;
                return (ts << (WORKER_BITS + SEQUENCE_BITS)) | workerBits | (next & SEQUENCE_MASK);
            }
        }
    }

    private void waitOutBackwardDrift(long drift) {
        if (drift > maxBackwardWaitMillis) {
            throw new ClockMovedBackwardsException(drift, maxBackwardWaitMillis);
        }
        if (drift > quietDriftMillis) {
            log.warn("Clock moved backwards by {} ms; worker {} waits until it catches up", drift, workerId);
        }
        try {
            time.sleepMillis(drift + 1); // until a millisecond after the last id's: a fresh sequence
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the clock to catch up", e);
        }
    }

    /** The millisecond (Unix epoch) at which {@code id} was generated. */
    public static long timestampOf(long id) {
        return (id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH_MILLIS;
    }

    public static int workerOf(long id) {
        return (int) ((id >>> SEQUENCE_BITS) & MAX_WORKER_ID);
    }

    public static int sequenceOf(long id) {
        return (int) (id & SEQUENCE_MASK);
    }
}
