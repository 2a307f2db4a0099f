package com.creatorcommerce.platform.batching;

import java.util.Objects;
import java.util.function.Function;

/**
 * Settings of a {@link PerKeyCombiner} ({@link PerKeyCombiner#builder(BatchHandler)}).
 *
 * @param <K> the key
 * @param <I> a request
 * @param <O> the outcome of one request
 */
public final class PerKeyCombinerBuilder<K, I, O> {

    final BatchHandler<K, I, O> handler;
    private final Function<PerKeyCombinerBuilder<K, I, O>, PerKeyCombiner<K, I, O>> factory;
    int maxBatch = 100;
    int extraBatches;
    WhenBatchFails whenBatchFails = WhenBatchFails.FAIL_EVERY_ITEM;
    BatchFailureListener<? super K> failureListener;

    PerKeyCombinerBuilder(
            BatchHandler<K, I, O> handler, Function<PerKeyCombinerBuilder<K, I, O>, PerKeyCombiner<K, I, O>> factory) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.factory = factory;
    }

    /** Most requests handed to one handler call (default 100); {@code 1} runs every request on its own. */
    public PerKeyCombinerBuilder<K, I, O> maxBatch(int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        this.maxBatch = maxBatch;
        return this;
    }

    /**
     * Batches a leader still runs after its own request is answered, before it hands the key over (default 0: it
     * returns to its caller at once). More saves the hand-over's wake-up under a steady stream of requests, at the
     * cost of the leader's own latency.
     */
    public PerKeyCombinerBuilder<K, I, O> extraBatchesBeforeHandOver(int extraBatches) {
        if (extraBatches < 0) {
            throw new IllegalArgumentException("extraBatches must not be negative: " + extraBatches);
        }
        this.extraBatches = extraBatches;
        return this;
    }

    /** What a batch whose handler threw means for its requests (default {@link WhenBatchFails#FAIL_EVERY_ITEM}). */
    public PerKeyCombinerBuilder<K, I, O> whenBatchFails(WhenBatchFails policy) {
        this.whenBatchFails = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Told about every failed batch of several requests (logging, metrics). */
    public PerKeyCombinerBuilder<K, I, O> onBatchFailure(BatchFailureListener<? super K> listener) {
        this.failureListener = listener;
        return this;
    }

    public PerKeyCombiner<K, I, O> build() {
        return factory.apply(this);
    }
}
