package com.creatorcommerce.gateway.ratelimit;

import com.creatorcommerce.gateway.GatewaySettings.Limit;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key (user or IP). Each bucket holds up to {@code capacity} tokens, refills
 * continuously at {@code refillPerSecond}, and a request takes one token. State lives in this gateway instance only:
 * behind a load balancer with N instances a client may get up to N times the limit (ADR: no shared store).
 *
 * <p>Memory is bounded: past {@code maxKeys} buckets, full (idle) buckets are dropped (a full bucket is the same as
 * a new one), and if that is not enough, arbitrary ones are dropped down to 90%.
 */
public final class TokenBuckets {

    /** The outcome: allowed or not, tokens left, and when the next token comes (nanoseconds; 0 if allowed). */
    public record Decision(boolean allowed, long remaining, long retryAfterNanos) {

        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L);
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;
        private final Limit limit;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.capacity();
            this.updatedNanos = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (long) tokens, 0);
            }
            long wait = (long) Math.ceil((1 - tokens) / limit.refillPerSecond() * 1e9);
            return new Decision(false, 0, wait);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limit.capacity();
        }

        private void refill(long now) {
            long elapsed = now - updatedNanos;
            if (elapsed > 0) {
                tokens = Math.min(limit.capacity(), tokens + elapsed * limit.refillPerSecond() / 1e9);
                updatedNanos = now;
            }
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final LongSupplier clock;

    public TokenBuckets(int maxKeys) {
        this(maxKeys, System::nanoTime);
    }

    TokenBuckets(int maxKeys, LongSupplier clock) {
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    public Decision tryTake(String key, Limit limit) {
        long now = clock.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evict(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
        }
        return bucket.take(now);
    }

    int size() {
        return buckets.size();
    }

    private synchronized void evict(long now) {
        if (buckets.size() < maxKeys) {
            return;
        }
        buckets.values().removeIf(b -> b.isFull(now));
        int target = (int) (maxKeys * 0.9);
        Iterator<String> keys = buckets.keySet().iterator();
        while (buckets.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
