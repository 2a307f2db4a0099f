package com.creatorcommerce.platform.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds; for effects that cross the broker asynchronously. */
public final class Await {

    private Await() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
        }
    }
}
