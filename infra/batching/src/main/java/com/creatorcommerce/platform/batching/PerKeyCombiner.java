package com.creatorcommerce.platform.batching;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Combines concurrent requests per key into batches. Requests of one key queue in arrival order; the caller that
 * finds the key idle becomes its leader and runs the {@link BatchHandler} on everything queued (up to
 * {@code maxBatch}) in its own thread, again and again until its own request is answered (plus
 * {@code extraBatches}), then hands the key over to the next waiting caller. The others park until their outcome is
 * there. So at most one batch per key runs at a time, keys never wait for each other, and a key costs one handler
 * call per batch instead of one per request: the point when each call pays for a row lock and a commit (a coupon's
 * issue, a wallet's ledger). Alone, a request is a batch of one, run at once in its caller's thread.
 *
 * <p>Each request gets its own typed outcome, or the exception its batch failed with (thrown to the caller, see
 * {@link WhenBatchFails}). A key's state is dropped when it has nothing queued and no leader.
 *
 * <p>Correctness of what the handler does must not depend on this class across processes: it only combines the
 * requests of one instance.
 *
 * @param <K> the key (with proper {@code equals}/{@code hashCode})
 * @param <I> a request
 * @param <O> the outcome of one request
 */
public final class PerKeyCombiner<K, I, O> {

    /** Longest park between checks: a safety net only, waiters are woken when answered or when it is their turn. */
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final BatchRunner<K, I, O> batches;
    private final int extraBatches;
    private final ConcurrentHashMap<K, KeyLane<K, I, O>> lanes = new ConcurrentHashMap<>();

    private PerKeyCombiner(PerKeyCombinerBuilder<K, I, O> b) {
        this.batches = new BatchRunner<>(b.handler, b.maxBatch, b.whenBatchFails, b.failureListener);
        this.extraBatches = b.extraBatches;
    }

    /** A combiner of {@code handler}'s batches; defaults: batches of up to 100, {@link WhenBatchFails#FAIL_EVERY_ITEM}. */
    public static <K, I, O> PerKeyCombinerBuilder<K, I, O> builder(BatchHandler<K, I, O> handler) {
        return new PerKeyCombinerBuilder<>(handler, PerKeyCombiner::new);
    }

    /**
     * Submits {@code item} for {@code key} and waits as long as it takes for its outcome, running batches of the key
     * when it is this caller's turn. Waits through interrupts (the flag is kept for the caller).
     *
     * @throws RuntimeException or {@link Error}: what the item's batch (or the item alone) failed with
     */
    public O submit(K key, I item) {
        PendingRequest<K, I, O> me = enqueue(key, item);
        boolean interrupted = false;
        while (!me.done) {
            if (!tryLead(me)) {
                LockSupport.parkNanos(this, MAX_PARK_NANOS);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return me.result();
    }

    /**
     * Like {@link #submit(Object, Object)}, but gives up when no batch has taken the item within
     * {@code maxWaitForTurn} (or when the thread is interrupted before that): the item is withdrawn, never handled,
     * and the answer is empty. Once a batch has taken the item, its outcome is awaited.
     *
     * @throws RuntimeException or {@link Error}: what the item's batch (or the item alone) failed with
     */
    public Optional<O> submit(K key, I item, Duration maxWaitForTurn) {
        long deadline = System.nanoTime() + nanos(maxWaitForTurn);
        PendingRequest<K, I, O> me = enqueue(key, item);
        boolean taken = false;
        boolean interrupted = false;
        try {
            while (!me.done) {
                if (tryLead(me)) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (!taken && (left <= 0 || interrupted)) {
                    if (me.lane.queue.remove(me)) {
                        wakeNextOrRetire(me.lane); // it may have been this caller's turn
                        return Optional.empty();
                    }
                    taken = true; // a leader has it: its outcome comes soon
                }
                LockSupport.parkNanos(this, taken ? MAX_PARK_NANOS : Math.min(left, MAX_PARK_NANOS));
                interrupted |= Thread.interrupted();
            }
            return Optional.of(me.result());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Keys with requests queued or a batch running right now (monitoring, tests). */
    public int activeKeys() {
        return lanes.size();
    }

    /** Requests of {@code key} waiting for a batch to take them (monitoring, tests). */
    public int queued(K key) {
        KeyLane<K, I, O> lane = lanes.get(key);
        return lane == null ? 0 : lane.queue.size();
    }

    private PendingRequest<K, I, O> enqueue(K key, I item) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(item, "item");
        PendingRequest<K, I, O> me = new PendingRequest<>(item);
        // atomic with the retirement of an idle lane (same map bin): nothing is ever queued on a retired lane
        lanes.compute(key, (k, lane) -> {
            KeyLane<K, I, O> l = lane == null ? new KeyLane<>(k) : lane;
            me.lane = l;
            l.queue.add(me);
            return l;
        });
        return me;
    }

    /** Runs the key's batches if nobody does, until {@code me} is answered (plus the extra batches). */
    private boolean tryLead(PendingRequest<K, I, O> me) {
        KeyLane<K, I, O> lane = me.lane;
        if (!lane.leading.compareAndSet(false, true)) {
            return false;
        }
        try {
            int extra = 0;
            while (!lane.queue.isEmpty() && (!me.done || extra++ < extraBatches)) {
                batches.runNext(lane);
            }
        } finally {
            lane.leading.set(false);
        }
        wakeNextOrRetire(lane);
        return true;
    }

    /**
     * After a leader stopped (or a waiter withdrew): wakes the next waiter to lead, or drops the lane when it is idle.
     * No wake-up is lost: an item queued after the peek finds the lane without a leader when it tries to lead.
     */
    private void wakeNextOrRetire(KeyLane<K, I, O> lane) {
        if (lane.leading.get()) {
            return;
        }
        PendingRequest<K, I, O> next = lane.queue.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        } else {
            lanes.computeIfPresent(lane.key, (k, l) -> l == lane && l.queue.isEmpty() && !l.leading.get() ? null : l);
        }
    }

    private static long nanos(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        try {
            return Math.min(d.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 4;
        }
    }
}
