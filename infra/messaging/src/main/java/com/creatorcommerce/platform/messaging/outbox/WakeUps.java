package com.creatorcommerce.platform.messaging.outbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wakes the relay's thread: after a commit of rows, an acknowledgement of a row whose slot has more waiting, a lease
 * change or a stop. Cheap and safe from any thread; wake-ups between two rounds merge into one, and the delay from
 * the first of them to the round that serves it is measured.
 */
final class WakeUps {

    private final Semaphore signal = new Semaphore(0);
    /** When the first wake-up since the last round came ({@link System#nanoTime()}; 0: none). */
    private final AtomicLong wokenAt = new AtomicLong();

    void wakeUp() {
        wokenAt.compareAndSet(0, System.nanoTime());
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Waits up to {@code millis} for a wake-up, then forgets the others that came meanwhile. */
    void await(long millis) throws InterruptedException {
        signal.tryAcquire(millis, TimeUnit.MILLISECONDS);
        signal.drainPermits();
    }

    /** Nanoseconds since the first wake-up not yet served (0: none), and marks it served. */
    long takeDelay() {
        long woken = wokenAt.getAndSet(0);
        return woken == 0 ? 0 : Math.max(1, System.nanoTime() - woken);
    }
}
