package com.creatorcommerce.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.gateway.GatewaySettings.Limit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Limit fivePerSecondBurstTen = new Limit(10, 5);

    private void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    @Test
    void allowsABurstUpToCapacityThenRefusesWithTheWaitForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(100, now::get);
        for (int i = 0; i < 10; i++) {
            TokenBuckets.Decision d = buckets.tryTake("u1", fivePerSecondBurstTen);
            assertThat(d.allowed()).isTrue();
            assertThat(d.remaining()).isEqualTo(9 - i);
        }
        TokenBuckets.Decision refused = buckets.tryTake("u1", fivePerSecondBurstTen);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterNanos()).isEqualTo(200_000_000L);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheConfiguredRateButNeverAboveCapacity() {
        TokenBuckets buckets = new TokenBuckets(100, now::get);
        for (int i = 0; i < 10; i++) {
            buckets.tryTake("u1", fivePerSecondBurstTen);
        }
        advanceMillis(400); // two tokens
        assertThat(buckets.tryTake("u1", fivePerSecondBurstTen).allowed()).isTrue();
        assertThat(buckets.tryTake("u1", fivePerSecondBurstTen).allowed()).isTrue();
        assertThat(buckets.tryTake("u1", fivePerSecondBurstTen).allowed()).isFalse();

        advanceMillis(60_000);
        assertThat(buckets.tryTake("u1", fivePerSecondBurstTen).remaining()).isEqualTo(9);
    }

    @Test
    void keepsKeysApart() {
        TokenBuckets buckets = new TokenBuckets(100, now::get);
        for (int i = 0; i < 10; i++) {
            buckets.tryTake("u1", fivePerSecondBurstTen);
        }
        assertThat(buckets.tryTake("u1", fivePerSecondBurstTen).allowed()).isFalse();
        assertThat(buckets.tryTake("u2", fivePerSecondBurstTen).allowed()).isTrue();
    }

    @Test
    void reportsRetryAfterInWholeSecondsRoundedUp() {
        Limit slow = new Limit(1, 0.25); // a token every 4 s
        TokenBuckets buckets = new TokenBuckets(100, now::get);
        buckets.tryTake("ip", slow);
        advanceMillis(500);

        assertThat(buckets.tryTake("ip", slow).retryAfterSeconds()).isEqualTo(4);
    }

    @Test
    void boundsMemoryByDroppingIdleBucketsFirst() {
        TokenBuckets buckets = new TokenBuckets(100, now::get);
        for (int i = 0; i < 10; i++) {
            buckets.tryTake("busy", fivePerSecondBurstTen);
        }
        for (int i = 0; i < 200; i++) {
            buckets.tryTake("ip-" + i, fivePerSecondBurstTen);
            advanceMillis(1);
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void neverGrantsMoreThanCapacityUnderConcurrency() throws Exception {
        TokenBuckets buckets = new TokenBuckets(100, () -> 0L); // frozen clock: no refill
        Limit hundred = new Limit(100, 1);
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 100; i++) {
                        if (buckets.tryTake("hot", hundred).allowed()) {
                            granted.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(granted.get()).isEqualTo(100);
    }
}
