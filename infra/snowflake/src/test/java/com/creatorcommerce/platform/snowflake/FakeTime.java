package com.creatorcommerce.platform.snowflake;

import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand; sleeping advances it, so a waiting generator makes progress. */
final class FakeTime implements TimeSource {

    final AtomicLong now;
    final AtomicLong slept = new AtomicLong();
    private final AtomicLong pauseAfterNextRead = new AtomicLong();

    FakeTime(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long currentMillis() {
        long read = now.get();
        long pause = pauseAfterNextRead.getAndSet(0);
        if (pause != 0) {
            now.addAndGet(pause);
        }
        return read;
    }

    @Override
    public void sleepMillis(long millis) {
        slept.addAndGet(millis);
        now.addAndGet(millis);
    }

    void stepBack(long millis) {
        now.addAndGet(-millis);
    }

    /** Simulates a pause (GC, descheduling) right after the next clock read: later reads are {@code millis} on. */
    void pauseAfterNextRead(long millis) {
        pauseAfterNextRead.set(millis);
    }
}
