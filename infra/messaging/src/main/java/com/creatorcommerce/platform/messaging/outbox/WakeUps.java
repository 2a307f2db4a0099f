package com.creatorcommerce.platform.messaging.outbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the relay's thread: after a commit of rows, an acknowledgement of a row whose slot has more waiting, a lease
 * change or a stop. Cheap and safe from any thread; wake-ups between two rounds merge into one, and the delay from
 * the first of them to the round that serves it is measured.
 *
 * <p>Paced (issue 17): under load every commit wakes the relay, and a round per commit spends the shared CPU on
 * SELECTs of a few rows each. So after a round that sent rows, the next waits {@link #PACING_FACTOR} times as long as
 * that round's SELECT took (at most {@link #MAX_PACING_NANOS}): a busy database's slow SELECT makes rounds rarer and
 * larger, a quiet one's fast SELECT adds a fraction of a millisecond. A round that sent nothing adds no wait: the next
 * commit is served at once.
 */
final class WakeUps {

    /** The next round waits this many times as long as the last SELECT took, after a round that sent rows. */
    static final int PACING_FACTOR = 2;
    /** The longest such wait: bounds what pacing adds to latency when the database is slow. */
    static final long MAX_PACING_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Semaphore signal = new Semaphore(0);
    /** When the first wake-up since the last round came ({@link System#nanoTime()}; 0: none). */
    private final AtomicLong wokenAt = new AtomicLong();

    void wakeUp() {
        wokenAt.compareAndSet(0, System.nanoTime());
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Relay thread only: the pause before the next round's wait ({@link #paceAfter}). */
    private long pacingNanos;

    /** Records how the last round went: {@code sent} rows, after a SELECT of {@code selectNanos}. Relay thread only. */
    void paceAfter(int sent, long selectNanos) {
        pacingNanos = pacing(sent, selectNanos);
    }

    static long pacing(int sent, long selectNanos) {
        return sent == 0 ? 0 : Math.min(MAX_PACING_NANOS, PACING_FACTOR * Math.max(0, selectNanos));
    }

    /**
     * Pauses as {@link #paceAfter} decided, then waits up to {@code millis} for a wake-up, then forgets the others that
     * came meanwhile (wake-ups during the pause are served by the next round).
     */
    void await(long millis) throws InterruptedException {
        if (pacingNanos > 0) {
            LockSupport.parkNanos(pacingNanos);
            pacingNanos = 0;
        }
        signal.tryAcquire(millis, TimeUnit.MILLISECONDS);
        signal.drainPermits();
    }

    /** Nanoseconds since the first wake-up not yet served (0: none), and marks it served. */
    long takeDelay() {
        long woken = wokenAt.getAndSet(0);
        return woken == 0 ? 0 : Math.max(1, System.nanoTime() - woken);
    }
}
