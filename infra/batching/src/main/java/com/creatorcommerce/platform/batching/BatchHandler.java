package com.creatorcommerce.platform.batching;

import java.util.List;

/**
 * Handles one batch of a {@link PerKeyCombiner}: the items submitted for {@code key} while the previous batch of that
 * key ran, in arrival order (1 to the combiner's max batch). Runs in the thread of one of the waiting callers, never
 * at the same time as another batch of the same key (of the same combiner).
 *
 * <p>Returns exactly one non-null outcome per item, in the items' order. Throwing fails the batch: what happens then
 * is the combiner's {@link WhenBatchFails} policy. A handler must not submit to its own combiner for the same key
 * (the submission would wait for the batch that waits for it).
 *
 * @param <K> the key (e.g. a coupon id, a wallet's user id)
 * @param <I> a request
 * @param <O> the outcome of one request
 */
@FunctionalInterface
public interface BatchHandler<K, I, O> {

    List<O> handle(K key, List<I> items);
}
