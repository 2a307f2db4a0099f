package com.creatorcommerce.platform.batching;

import java.util.function.BooleanSupplier;

/** Test helpers: latches and conditions without timed assertions (a stuck test is ended by the build's timeout). */
final class Waits {

    private Waits() {}

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code condition} holds, checking every millisecond. */
    static void until(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            sleep(1);
        }
    }
}
