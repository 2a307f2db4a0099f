package com.creatorcommerce.platform.snowflake;

import java.util.concurrent.atomic.AtomicLong;

/** A clock tests move by hand; sleeping advances it, so a waiting generator makes progress. */
final class FakeTime implements TimeSource {

    final AtomicLong now;
    final AtomicLong slept = new AtomicLong();

    FakeTime(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long currentMillis() {
        return now.get();
    }

    @Override
    public void sleepMillis(long millis) {
        slept.addAndGet(millis);
        now.addAndGet(millis);
    }

    void stepBack(long millis) {
        now.addAndGet(-millis);
    }
}
