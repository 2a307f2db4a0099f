package com.creatorcommerce.platform.snowflake;

/**
 * The generator's view of wall-clock time. Injected so that tests can step the clock backwards
 * deterministically; production uses {@link #SYSTEM}.
 */
public interface TimeSource {

    /** Milliseconds since the Unix epoch. */
    long currentMillis();

    /** Blocks for about {@code millis} milliseconds (a fake clock may simply advance itself). */
    void sleepMillis(long millis) throws InterruptedException;

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long currentMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleepMillis(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };
}
