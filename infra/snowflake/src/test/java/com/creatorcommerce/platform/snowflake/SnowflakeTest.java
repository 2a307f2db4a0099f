package com.creatorcommerce.platform.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SnowflakeTest {

    private static final long T0 = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();

    private static Snowflake generator(int worker, FakeTime time) {
        return new Snowflake(worker, time, Snowflake.DEFAULT_QUIET_DRIFT, Snowflake.DEFAULT_MAX_BACKWARD_WAIT, 0);
    }

    @Test
    void laysOutTimestampWorkerAndSequence() {
        FakeTime time = new FakeTime(T0);
        Snowflake snowflake = generator(5, time);

        long first = snowflake.nextId();
        long second = snowflake.nextId();

        assertThat(Snowflake.timestampOf(first)).isEqualTo(T0);
        assertThat(Snowflake.workerOf(first)).isEqualTo(5);
        assertThat(Snowflake.sequenceOf(first)).isZero();
        assertThat(Snowflake.sequenceOf(second)).isEqualTo(1);
        assertThat(first).isPositive();
    }

    @Test
    void rollsIntoTheNextMillisecondAfter4096IdsWithoutDuplicates() throws Exception {
        FakeTime time = new FakeTime(T0);
        Snowflake snowflake = generator(1, time);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 4096; i++) {
            ids.add(snowflake.nextId());
        }
        // the 4097th id in the same millisecond must wait for the clock to advance
        Thread waiter = Thread.ofPlatform().start(() -> ids.add(snowflake.nextId()));
        Thread.sleep(50);
        assertThat(waiter.isAlive()).as("blocked until the next millisecond").isTrue();
        time.now.incrementAndGet();
        waiter.join(5_000);

        assertThat(ids).hasSize(4097);
        long last = ids.stream().max(Long::compare).orElseThrow();
        assertThat(Snowflake.timestampOf(last)).isEqualTo(T0 + 1);
        assertThat(Snowflake.sequenceOf(last)).isZero();
    }

    @Test
    void neverRepeatsAcrossManyThreads() throws Exception {
        Snowflake snowflake = new Snowflake(7);
        int threads = 8;
        int perThread = 100_000;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(snowflake.nextId());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(ids).hasSize(threads * perThread);
    }

    @Test
    void twoWorkersNeverCollideEvenAtTheSameMillisecond() {
        FakeTime time = new FakeTime(T0);
        Snowflake a = generator(1, time);
        Snowflake b = generator(2, time);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 4096; i++) {
            ids.add(a.nextId());
            ids.add(b.nextId());
        }
        assertThat(ids).hasSize(2 * 4096);
    }

    @Test
    void waitsOutASmallBackwardStepSilently() {
        FakeTime time = new FakeTime(T0);
        Snowflake snowflake = generator(1, time);
        long before = snowflake.nextId();

        time.stepBack(5);
        long after = snowflake.nextId();

        assertThat(after).isGreaterThan(before);
        assertThat(time.slept.get()).isEqualTo(5 + 1);
        assertThat(Snowflake.timestampOf(after)).isGreaterThanOrEqualTo(Snowflake.timestampOf(before));
    }

    @Test
    void waitsOutAOneSecondStepWithinTheConfiguredMaximum() {
        FakeTime time = new FakeTime(T0);
        Snowflake snowflake = generator(1, time);
        long before = snowflake.nextId();

        time.stepBack(1_000);
        long after = snowflake.nextId();

        assertThat(after).isGreaterThan(before);
        assertThat(time.slept.get()).isEqualTo(1_000 + 1);
    }

    @Test
    void refusesATenSecondStepLoudlyAndRecoversOnceTheClockCatchesUp() {
        FakeTime time = new FakeTime(T0);
        Snowflake snowflake = generator(1, time);
        long before = snowflake.nextId();

        time.stepBack(10_000);
        assertThatThrownBy(snowflake::nextId)
                .isInstanceOf(ClockMovedBackwardsException.class)
                .hasMessageContaining("10000 ms");
        assertThat(time.slept.get()).as("no waiting on a large drift").isZero();

        time.now.addAndGet(10_001);
        assertThat(snowflake.nextId()).isGreaterThan(before);
    }

    @Test
    void startsAfterThePreviousLeaseHoldersLastTimestamp() {
        FakeTime time = new FakeTime(T0);
        // the previous holder of worker 3 may have generated ids up to T0 + 500 (its clock was ahead)
        Snowflake snowflake = new Snowflake(3, time, Duration.ofMillis(10), Duration.ofSeconds(2), T0 + 500);

        long id = snowflake.nextId();

        assertThat(Snowflake.timestampOf(id)).isGreaterThan(T0 + 500);
        assertThat(time.slept.get()).isEqualTo(500 + 1);
    }

    @Test
    void rejectsWorkerIdsOutsideTenBits() {
        assertThatThrownBy(() -> new Snowflake(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snowflake(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
