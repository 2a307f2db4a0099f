package com.creatorcommerce.coupon.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IssueLanesTest {

    private static IssueLanes lanes(int maxBatch, Duration timeout) {
        return new IssueLanes(new IssueSettings(Duration.ofSeconds(1), 3, maxBatch, timeout));
    }

    @Test
    void concurrentRequestsShareBatchesAndEachGetsItsOwnOutcome() throws Exception {
        IssueLanes lanes = lanes(16, Duration.ofSeconds(30));
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        AtomicInteger inBatch = new AtomicInteger();
        AtomicInteger overlapping = new AtomicInteger();
        IssueLanes.Batch batch = users -> {
            if (inBatch.incrementAndGet() > 1) {
                overlapping.incrementAndGet();
            }
            batchSizes.add(users.size());
            sleep(3);
            inBatch.decrementAndGet();
            return users.stream().<Object>map(u -> "issued to " + u).toList();
        };
        Map<Long, Object> outcomes = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (long user = 1; user <= 300; user++) {
                long u = user;
                pool.execute(() -> {
                    await(go);
                    outcomes.put(u, lanes.submit(7, u, batch));
                });
            }
            go.countDown();
        }

        assertThat(outcomes).hasSize(300);
        outcomes.forEach((user, outcome) -> assertThat(outcome).isEqualTo("issued to " + user));
        assertThat(overlapping).as("one batch at a time per coupon").hasValue(0);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(batchSizes).allMatch(n -> n >= 1 && n <= 16);
        assertThat(batchSizes.size()).as("requests were coalesced").isLessThan(300);
    }

    @Test
    void differentCouponsDoNotWaitForEachOther() throws Exception {
        IssueLanes lanes = lanes(16, Duration.ofSeconds(30));
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Object> slow = pool.submit(() -> lanes.submit(1, 1, users -> {
                blocked.countDown();
                await(release);
                return List.of("slow");
            }));
            blocked.await();

            assertThat(lanes.submit(2, 1, users -> List.of("fast"))).isEqualTo("fast");
            release.countDown();
            assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
        }
    }

    @Test
    void aRequestThatGetsNoTurnInTimeIsAnsweredBusyAndLeavesTheQueue() throws Exception {
        IssueLanes lanes = lanes(16, Duration.ofMillis(100));
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batchedUsers = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<Object> leader = pool.submit(() -> lanes.submit(1, 1, users -> {
                batchedUsers.addAndGet(users.size());
                blocked.countDown();
                await(release);
                return List.of("first");
            }));
            blocked.await();

            Object waited = lanes.submit(1, 2, users -> {
                batchedUsers.addAndGet(users.size());
                return List.of("second");
            });

            assertThat(waited).isInstanceOf(IssueBusyException.class);
            release.countDown();
            assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(batchedUsers).as("the busy request was never issued").hasValue(1);
        }
    }

    @Test
    void aFailingBatchAnswersEveryRequestInItWithTheFailure() {
        IssueLanes lanes = lanes(16, Duration.ofSeconds(5));
        IllegalStateException down = new IllegalStateException("database down");

        assertThat(lanes.submit(1, 1, users -> {
            throw down;
        })).isSameAs(down);
        assertThat(lanes.submit(1, 2, users -> List.of("works again"))).isEqualTo("works again");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
