package com.creatorcommerce.platform.messaging.outbox;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slots whose head row failed transiently, and when each may be tried again: exponential back-off per slot, capped,
 * without limit (ADR 10). Relay thread only; the map is concurrent for the gauge.
 */
final class SlotBackoff {

    record Wait(int failures, long dueNanos, Duration delay) {}

    private final Duration initial;
    private final Duration max;
    private final Map<Integer, Wait> waiting = new ConcurrentHashMap<>();

    SlotBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Map<Integer, Wait> waiting() {
        return waiting;
    }

    Wait failed(int slot, long nowNanos) {
        Wait previous = waiting.get(slot);
        int failures = previous == null ? 1 : previous.failures() + 1;
        long delay = Math.min(max.toMillis(), initial.toMillis() << Math.min(20, failures - 1));
        Wait wait = new Wait(failures, nowNanos + delay * 1_000_000, Duration.ofMillis(delay));
        waiting.put(slot, wait);
        return wait;
    }

    void succeeded(int slot) {
        waiting.remove(slot);
    }

    /** Slots still backing off at {@code nowNanos}. */
    Set<Integer> notDue(long nowNanos) {
        Set<Integer> slots = new HashSet<>();
        waiting.forEach((slot, w) -> {
            if (w.dueNanos() - nowNanos > 0) {
                slots.add(slot);
            }
        });
        return slots;
    }
}
