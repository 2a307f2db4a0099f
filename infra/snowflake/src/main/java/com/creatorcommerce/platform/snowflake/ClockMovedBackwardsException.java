package com.creatorcommerce.platform.snowflake;

/** Thrown when the wall clock went backwards further than the generator is allowed to wait out. */
public class ClockMovedBackwardsException extends IllegalStateException {

    private final long driftMillis;

    public ClockMovedBackwardsException(long driftMillis, long maxWaitMillis) {
        super("Clock moved backwards by " + driftMillis + " ms (more than the " + maxWaitMillis
                + " ms this generator waits out); refusing to generate ids until it catches up");
        this.driftMillis = driftMillis;
    }

    public long driftMillis() {
        return driftMillis;
    }
}
