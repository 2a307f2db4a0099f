package com.creatorcommerce.platform.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/** The combiner under real concurrency: exact counts, one batch per key at a time, every request answered once. */
class PerKeyCombinerConcurrencyTest {

    private record Item(int key, int n) {}

    @Test
    void concurrentRequestsOfOneKeyShareBatchesAndEachGetsItsOwnOutcome() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlapping = new AtomicInteger();
        PerKeyCombiner<Long, Long, String> combiner = PerKeyCombiner.<Long, Long, String>builder((key, users) -> {
                    if (running.incrementAndGet() > 1) {
                        overlapping.incrementAndGet();
                    }
                    batchSizes.add(users.size());
                    Waits.sleep(3); // like a commit: requests queue meanwhile
                    running.decrementAndGet();
                    return users.stream().map(u -> "issued to " + u).toList();
                })
                .maxBatch(16)
                .build();
        Map<Long, String> outcomes = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (long user = 1; user <= 300; user++) {
                long u = user;
                pool.execute(() -> {
                    Waits.await(go);
                    outcomes.put(u, combiner.submit(7L, u));
                });
            }
            go.countDown();
        }

        assertThat(outcomes).hasSize(300);
        outcomes.forEach((user, outcome) -> assertThat(outcome).isEqualTo("issued to " + user));
        assertThat(overlapping).as("one batch at a time per key").hasValue(0);
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
        assertThat(batchSizes).allMatch(n -> n >= 1 && n <= 16);
        assertThat(batchSizes.size()).as("requests were combined").isLessThan(300);
        assertThat(combiner.activeKeys()).as("an idle key keeps no state").isZero();
    }

    @Test
    void manyKeysAtOnceHandleEveryRequestExactlyOnceAndNeverRunTwoBatchesOfAKeyTogether() throws Exception {
        int keys = 8;
        int perKey = 500;
        Map<Integer, AtomicInteger> runningPerKey = new ConcurrentHashMap<>();
        AtomicInteger overlapping = new AtomicInteger();
        Map<Item, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicInteger batches = new AtomicInteger();
        PerKeyCombiner<Integer, Item, Integer> combiner = PerKeyCombiner.<Integer, Item, Integer>builder(
                        (key, items) -> {
                            AtomicInteger running = runningPerKey.computeIfAbsent(key, k -> new AtomicInteger());
                            if (running.incrementAndGet() > 1) {
                                overlapping.incrementAndGet();
                            }
                            batches.incrementAndGet();
                            List<Integer> out = new ArrayList<>();
                            for (Item item : items) {
                                assertThat(item.key()).isEqualTo(key);
                                handled.computeIfAbsent(item, i -> new AtomicInteger())
                                        .incrementAndGet();
                                out.add(item.n() * 2);
                            }
                            Thread.yield();
                            running.decrementAndGet();
                            return out;
                        })
                .maxBatch(50)
                .extraBatchesBeforeHandOver(2)
                .build();
        List<Future<Boolean>> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(48)) {
            for (int n = 0; n < keys * perKey; n++) {
                Item item = new Item(n % keys, n);
                answers.add(pool.submit(() -> {
                    Waits.await(go);
                    return combiner.submit(item.key(), item) == item.n() * 2;
                }));
            }
            go.countDown();
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isTrue();
            }
        }

        assertThat(handled).hasSize(keys * perKey);
        assertThat(handled.values()).allMatch(count -> count.get() == 1);
        assertThat(overlapping).hasValue(0);
        assertThat(batches.get()).isBetween(keys, keys * perKey);
        assertThat(combiner.activeKeys()).isZero();
    }

    @Test
    void aFailingRequestFailsAloneWhenBatchesAreRetriedOneByOne() throws Exception {
        List<Integer> failedBatchSizes = new CopyOnWriteArrayList<>();
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PerKeyCombiner<Integer, Integer, Integer> combiner = PerKeyCombiner.<Integer, Integer, Integer>builder(
                        (key, items) -> {
                            if (items.contains(0)) { // the first request holds the key while the others queue
                                firstBatchRunning.countDown();
                                Waits.await(release);
                            }
                            if (items.contains(7)) {
                                throw new IllegalStateException("poison");
                            }
                            return items.stream().map(i -> i + 1000).toList();
                        })
                .whenBatchFails(WhenBatchFails.RETRY_EACH_ALONE)
                .onBatchFailure((key, size, failure, then) -> failedBatchSizes.add(size))
                .build();
        List<Object> results = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            pool.execute(() -> results.add(combiner.submit(1, 0)));
            firstBatchRunning.await();
            for (int i = 1; i < 30; i++) {
                int item = i;
                pool.execute(() -> {
                    try {
                        results.add(combiner.submit(1, item));
                    } catch (IllegalStateException e) {
                        results.add(e);
                    }
                });
            }
            Waits.until(() -> combiner.queued(1) == 29);
            release.countDown();
        }

        assertThat(results).hasSize(30);
        assertThat(results.stream()
                        .filter(r -> r instanceof IllegalStateException)
                        .count())
                .isEqualTo(1);
        assertThat(results.stream().filter(r -> r instanceof Integer).count()).isEqualTo(29);
        assertThat(results).doesNotContain(1007);
        assertThat(failedBatchSizes).containsExactly(29);
    }
}
