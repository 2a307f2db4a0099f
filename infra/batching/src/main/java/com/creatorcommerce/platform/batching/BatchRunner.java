package com.creatorcommerce.platform.batching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs one batch of a key for a {@link PerKeyCombiner}: takes up to {@code maxBatch} queued requests, hands their
 * items to the {@link BatchHandler}, checks that it answered one non-null outcome per item in order, and answers each
 * request. A batch whose handler threw is answered by the {@link WhenBatchFails} policy.
 */
final class BatchRunner<K, I, O> {

    private final BatchHandler<K, I, O> handler;
    private final int maxBatch;
    private final WhenBatchFails whenBatchFails;
    private final BatchFailureListener<? super K> failureListener;

    BatchRunner(
            BatchHandler<K, I, O> handler,
            int maxBatch,
            WhenBatchFails whenBatchFails,
            BatchFailureListener<? super K> failureListener) {
        this.handler = handler;
        this.maxBatch = maxBatch;
        this.whenBatchFails = whenBatchFails;
        this.failureListener = failureListener;
    }

    /** Runs the next batch of {@code lane} (nothing when its queue is empty). */
    void runNext(KeyLane<K, I, O> lane) {
        List<PendingRequest<K, I, O>> batch = new ArrayList<>(Math.min(maxBatch, 64));
        for (PendingRequest<K, I, O> p; batch.size() < maxBatch && (p = lane.queue.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            answer(batch, handle(lane.key, batch));
        } catch (RuntimeException | Error failure) {
            failed(lane.key, batch, failure);
        }
    }

    private void failed(K key, List<PendingRequest<K, I, O>> batch, Throwable failure) {
        if (batch.size() == 1) {
            batch.getFirst().fail(failure);
            return;
        }
        if (failureListener != null) {
            failureListener.batchFailed(key, batch.size(), failure, whenBatchFails);
        }
        for (PendingRequest<K, I, O> p : batch) {
            if (whenBatchFails == WhenBatchFails.FAIL_EVERY_ITEM) {
                p.fail(failure);
            } else {
                try {
                    answer(List.of(p), handle(key, List.of(p)));
                } catch (RuntimeException | Error alone) {
                    p.fail(alone);
                }
            }
        }
    }

    private List<O> handle(K key, List<PendingRequest<K, I, O>> batch) {
        List<I> items = new ArrayList<>(batch.size());
        for (PendingRequest<K, I, O> p : batch) {
            items.add(p.item);
        }
        List<O> outcomes = handler.handle(key, Collections.unmodifiableList(items));
        if (outcomes == null || outcomes.size() != batch.size()) {
            throw new IllegalStateException(
                    "The batch handler answered " + (outcomes == null ? "null" : outcomes.size() + " outcomes")
                            + " for " + batch.size() + " items of key " + key);
        }
        for (O outcome : outcomes) {
            if (outcome == null) {
                throw new IllegalStateException("The batch handler answered null for an item of key " + key);
            }
        }
        return outcomes;
    }

    private static <K, I, O> void answer(List<PendingRequest<K, I, O>> batch, List<O> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).succeed(outcomes.get(i));
        }
    }
}
