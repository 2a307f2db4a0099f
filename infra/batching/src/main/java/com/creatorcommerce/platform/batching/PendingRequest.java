package com.creatorcommerce.platform.batching;

import java.util.concurrent.locks.LockSupport;

/**
 * One submitted request of a {@link PerKeyCombiner}, parked in its caller's thread until a batch answers it. Outcome
 * and failure are written before {@code done} and read after it.
 */
final class PendingRequest<K, I, O> {

    final I item;
    final Thread thread = Thread.currentThread();
    KeyLane<K, I, O> lane;
    private O outcome;
    private Throwable failure;
    volatile boolean done;

    PendingRequest(I item) {
        this.item = item;
    }

    void succeed(O o) {
        outcome = o;
        finish();
    }

    void fail(Throwable t) {
        failure = t;
        finish();
    }

    private void finish() {
        done = true;
        if (thread != Thread.currentThread()) {
            LockSupport.unpark(thread);
        }
    }

    /** The outcome, or what the request's batch (or the request alone) failed with, thrown. */
    O result() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return outcome;
    }
}
