package com.creatorcommerce.coupon.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * One lane per coupon in this instance: issue requests queue in arrival order and one of them at a time (the
 * leader) takes everything waiting, up to {@link IssueSettings#maxBatch()}, and issues it in one transaction; then
 * the next waiting request leads. All issuers of one coupon serialize on the coupon's row lock anyway, and each
 * transaction's commit (a log flush) is the cost of holding it: coalescing the requests that wait meanwhile into one
 * transaction pays that cost once per batch instead of once per request. It also keeps a hot coupon to one pooled
 * connection per instance and keeps the database's lock queue short. Correctness never depends on the lane: the
 * database's conditional update and unique key decide, so several instances stay exact.
 */
@Component
public class IssueLanes {

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Issues a batch: one outcome per user id, in order ({@link IssuedCoupon} or a {@link RuntimeException}). */
    @FunctionalInterface
    public interface Batch {
        List<Object> issue(List<Long> userIds);
    }

    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final int maxBatch;
    private final long timeoutNanos;

    public IssueLanes(IssueSettings settings) {
        this.maxBatch = settings.maxBatch();
        this.timeoutNanos = settings.queueTimeout().toNanos();
    }

    /** Queues the request and waits for its outcome, leading a batch when its turn comes. */
    public Object submit(long couponId, long userId, Batch batch) {
        Lane lane = lanes.computeIfAbsent(couponId, id -> new Lane());
        Pending me = new Pending(userId);
        lane.queue.add(me);
        long deadline = System.nanoTime() + timeoutNanos;
        boolean taken = false;
        boolean interrupted = false;
        try {
            while (me.outcome == null) {
                if (lane.lock.tryLock()) {
                    try {
                        while (me.outcome == null) {
                            lead(lane, batch, me);
                        }
                    } finally {
                        lane.lock.unlock();
                    }
                    Pending next = lane.queue.peek();
                    if (next != null) {
                        LockSupport.unpark(next.thread); // its turn to lead (no lost wake-up: checked after unlock)
                    }
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 && !taken) {
                    if (lane.queue.remove(me)) {
                        return new IssueBusyException();
                    }
                    taken = true; // a leader has it: its outcome comes soon
                }
                LockSupport.parkNanos(this, taken ? MAX_PARK_NANOS : Math.min(left, MAX_PARK_NANOS));
                if (Thread.interrupted()) {
                    interrupted = true; // stop waiting for a turn (a taken request is still answered)
                    deadline = System.nanoTime();
                }
            }
            return me.outcome;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void lead(Lane lane, Batch batch, Pending me) {
        List<Pending> taken = new ArrayList<>();
        for (Pending p; taken.size() < maxBatch && (p = lane.queue.poll()) != null; ) {
            taken.add(p);
        }
        if (taken.isEmpty()) {
            me.outcome = new IssueBusyException(); // cannot happen: "me" is queued until a leader answers it
            return;
        }
        List<Object> outcomes;
        try {
            outcomes = batch.issue(taken.stream().map(p -> p.userId).toList());
        } catch (RuntimeException e) {
            outcomes = java.util.Collections.nCopies(taken.size(), e);
        }
        for (int i = 0; i < taken.size(); i++) {
            Pending p = taken.get(i);
            Object outcome = outcomes.get(i);
            p.outcome = outcome != null ? outcome : new IssueBusyException();
            if (p != me) {
                LockSupport.unpark(p.thread);
            }
        }
    }

    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    }

    private static final class Pending {
        final long userId;
        final Thread thread = Thread.currentThread();
        volatile Object outcome;

        Pending(long userId) {
            this.userId = userId;
        }
    }
}
