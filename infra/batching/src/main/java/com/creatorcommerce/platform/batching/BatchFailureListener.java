package com.creatorcommerce.platform.batching;

/**
 * Told when a {@link BatchHandler} threw for a batch of several requests, before the combiner applies its
 * {@link WhenBatchFails} policy (for logging and metrics). Runs in the thread that ran the batch; must not throw.
 *
 * @param <K> the combiner's key
 */
@FunctionalInterface
public interface BatchFailureListener<K> {

    void batchFailed(K key, int batchSize, Throwable failure, WhenBatchFails then);
}
