package com.creatorcommerce.platform.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private final BatchHandler<K, I, O> handler;
    private final int maxBatch;
    private final int extraBatches;
    private final WhenBatchFails whenBatchFails;
    private final BatchFailureListener<? super K> failureListener;
    private final ConcurrentHashMap<K, Lane<K, I, O>> lanes = new ConcurrentHashMap<>();

    private PerKeyCombiner(PerKeyCombinerBuilder<K, I, O> b) {
        this.handler = b.handler;
        this.maxBatch = b.maxBatch;
        this.extraBatches = b.extraBatches;
        this.whenBatchFails = b.whenBatchFails;
        this.failureListener = b.failureListener;
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
        Pending<K, I, O> me = enqueue(key, item);
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
        Pending<K, I, O> me = enqueue(key, item);
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
        Lane<K, I, O> lane = lanes.get(key);
        return lane == null ? 0 : lane.queue.size();
    }

    private Pending<K, I, O> enqueue(K key, I item) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(item, "item");
        Pending<K, I, O> me = new Pending<>(item);
        // atomic with the retirement of an idle lane (same map bin): nothing is ever queued on a retired lane
        lanes.compute(key, (k, lane) -> {
            Lane<K, I, O> l = lane == null ? new Lane<>(k) : lane;
            me.lane = l;
            l.queue.add(me);
            return l;
        });
        return me;
    }

    /** Runs the key's batches if nobody does, until {@code me} is answered (plus the extra batches). */
    private boolean tryLead(Pending<K, I, O> me) {
        Lane<K, I, O> lane = me.lane;
        if (!lane.leading.compareAndSet(false, true)) {
            return false;
        }
        try {
            int extra = 0;
            while (!lane.queue.isEmpty() && (!me.done || extra++ < extraBatches)) {
                runBatch(lane);
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
    private void wakeNextOrRetire(Lane<K, I, O> lane) {
        if (lane.leading.get()) {
            return;
        }
        Pending<K, I, O> next = lane.queue.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        } else {
            lanes.computeIfPresent(lane.key, (k, l) -> l == lane && l.queue.isEmpty() && !l.leading.get() ? null : l);
        }
    }

    private void runBatch(Lane<K, I, O> lane) {
        List<Pending<K, I, O>> batch = new ArrayList<>(Math.min(maxBatch, 64));
        for (Pending<K, I, O> p; batch.size() < maxBatch && (p = lane.queue.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            answer(batch, handle(lane.key, batch));
        } catch (RuntimeException | Error failure) {
            if (batch.size() == 1) {
                batch.getFirst().fail(failure);
                return;
            }
            if (failureListener != null) {
                failureListener.batchFailed(lane.key, batch.size(), failure, whenBatchFails);
            }
            for (Pending<K, I, O> p : batch) {
                if (whenBatchFails == WhenBatchFails.FAIL_EVERY_ITEM) {
                    p.fail(failure);
                } else {
                    try {
                        answer(List.of(p), handle(lane.key, List.of(p)));
                    } catch (RuntimeException | Error alone) {
                        p.fail(alone);
                    }
                }
            }
        }
    }

    private List<O> handle(K key, List<Pending<K, I, O>> batch) {
        List<I> items = new ArrayList<>(batch.size());
        for (Pending<K, I, O> p : batch) {
            items.add(p.item);
        }
        List<O> outcomes = handler.handle(key, java.util.Collections.unmodifiableList(items));
        if (outcomes == null || outcomes.size() != batch.size()) {
            throw new IllegalStateException("The batch handler answered " + (outcomes == null ? "null" :
                    outcomes.size() + " outcomes") + " for " + batch.size() + " items of key " + key);
        }
        for (O outcome : outcomes) {
            if (outcome == null) {
                throw new IllegalStateException("The batch handler answered null for an item of key " + key);
            }
        }
        return outcomes;
    }

    private static <K, I, O> void answer(List<Pending<K, I, O>> batch, List<O> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(outcomes.get(i));
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

    private static final class Lane<K, I, O> {
        final K key;
        final ConcurrentLinkedQueue<Pending<K, I, O>> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leading = new AtomicBoolean();

        Lane(K key) {
            this.key = key;
        }
    }

    /** One submitted request; outcome and failure are written before {@code done} and read after it. */
    private static final class Pending<K, I, O> {
        final I item;
        final Thread thread = Thread.currentThread();
        Lane<K, I, O> lane;
        O outcome;
        Throwable failure;
        volatile boolean done;

        Pending(I item) {
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
}
