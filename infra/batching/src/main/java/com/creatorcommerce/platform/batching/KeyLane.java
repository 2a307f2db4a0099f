package com.creatorcommerce.platform.batching;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one key of a {@link PerKeyCombiner}: its requests in arrival order and whether a caller is leading it
 * (running its batches) right now.
 */
final class KeyLane<K, I, O> {

    final K key;
    final ConcurrentLinkedQueue<PendingRequest<K, I, O>> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean leading = new AtomicBoolean();

    KeyLane(K key) {
        this.key = key;
    }
}
