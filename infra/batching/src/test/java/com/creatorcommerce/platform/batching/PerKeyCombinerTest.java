package com.creatorcommerce.platform.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PerKeyCombinerTest {

    @Test
    void aLoneRequestIsABatchOfOneRunInItsCallersThread() {
        Thread caller = Thread.currentThread();
        PerKeyCombiner<String, Integer, String> combiner = PerKeyCombiner.<String, Integer, String>builder(
                        (key, items) -> {
                            assertThat(Thread.currentThread()).isSameAs(caller);
                            return items.stream().map(i -> key + i).toList();
                        })
                .build();

        assertThat(combiner.submit("a", 1)).isEqualTo("a1");
        assertThat(combiner.submit("b", 2, Duration.ofSeconds(1))).contains("b2");
        assertThat(combiner.activeKeys()).isZero();
    }

    @Test
    void requestsQueuedBehindARunningBatchFormTheNextBatchInArrivalOrder() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PerKeyCombiner<Integer, Integer, Integer> combiner = PerKeyCombiner.<Integer, Integer, Integer>builder(
                        (key, items) -> {
                            batches.add(List.copyOf(items));
                            if (items.contains(0)) {
                                running.countDown();
                                Waits.await(release);
                            }
                            return items;
                        })
                .maxBatch(3)
                .build();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            pool.execute(() -> combiner.submit(9, 0));
            running.await();
            for (int i = 1; i <= 5; i++) {
                int item = i;
                pool.execute(() -> combiner.submit(9, item));
                Waits.until(() -> combiner.queued(9) == item); // one after the other: a known arrival order
            }
            release.countDown();
        }

        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4, 5));
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PerKeyCombiner<Integer, String, String> combiner = PerKeyCombiner.<Integer, String, String>builder(
                        (key, items) -> {
                            if (key == 1) {
                                blocked.countDown();
                                Waits.await(release);
                            }
                            return items;
                        })
                .build();
        try (ExecutorService pool = Executors.newFixedThreadPool(1)) {
            Future<String> slow = pool.submit(() -> combiner.submit(1, "slow"));
            blocked.await();

            assertThat(combiner.submit(2, "fast")).isEqualTo("fast");
            release.countDown();
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo("slow");
        }
    }

    @Test
    void aRequestThatGetsNoTurnInTimeIsWithdrawnAndNeverHandled() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        PerKeyCombiner<Integer, String, String> combiner = PerKeyCombiner.<Integer, String, String>builder(
                        (key, items) -> {
                            handled.addAndGet(items.size());
                            if (items.contains("first")) {
                                blocked.countDown();
                                Waits.await(release);
                            }
                            return items;
                        })
                .build();
        try (ExecutorService pool = Executors.newFixedThreadPool(1)) {
            Future<String> leader = pool.submit(() -> combiner.submit(1, "first"));
            blocked.await();

            assertThat(combiner.submit(1, "second", Duration.ofMillis(50))).isEmpty();
            assertThat(combiner.queued(1)).isZero();
            release.countDown();
            assertThat(leader.get(30, TimeUnit.SECONDS)).isEqualTo("first");
        }
        assertThat(handled).as("the withdrawn request was never handled").hasValue(1);
        assertThat(combiner.activeKeys()).isZero();
    }

    @Test
    void anInterruptedCallerWaitingForItsTurnWithdrawsAndKeepsItsInterrupt() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PerKeyCombiner<Integer, String, String> combiner = PerKeyCombiner.<Integer, String, String>builder(
                        (key, items) -> {
                            if (items.contains("first")) {
                                blocked.countDown();
                                Waits.await(release);
                            }
                            return items;
                        })
                .build();
        AtomicReference<Optional<String>> answer = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try (ExecutorService pool = Executors.newFixedThreadPool(1)) {
            pool.execute(() -> combiner.submit(1, "first"));
            blocked.await();
            Thread waiter = Thread.ofPlatform().start(() -> {
                answer.set(combiner.submit(1, "second", Duration.ofDays(1)));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            Waits.until(() -> combiner.queued(1) == 1);
            waiter.interrupt();
            waiter.join();
            release.countDown();
        }

        assertThat(answer.get()).isEmpty();
        assertThat(stillInterrupted).isTrue();
        assertThat(combiner.activeKeys()).isZero();
    }

    @Test
    void whenBatchesFailEveryRequestOfTheFailedBatchGetsTheFailureAndTheKeyWorksAgain() {
        IllegalStateException down = new IllegalStateException("database down");
        AtomicInteger calls = new AtomicInteger();
        PerKeyCombiner<Integer, String, String> combiner = PerKeyCombiner.<Integer, String, String>builder(
                        (key, items) -> {
                            if (calls.incrementAndGet() == 1) {
                                throw down;
                            }
                            return items;
                        })
                .build();

        assertThatThrownBy(() -> combiner.submit(1, "a")).isSameAs(down);
        assertThat(combiner.submit(1, "b")).isEqualTo("b");
    }

    @Test
    void aHandlerThatDoesNotAnswerEveryItemFailsItsBatch() {
        PerKeyCombiner<Integer, String, String> wrongSize = PerKeyCombiner.<Integer, String, String>builder(
                        (key, items) -> List.of())
                .build();
        PerKeyCombiner<Integer, String, String> nulls = PerKeyCombiner.<Integer, String, String>builder(
                        (key, items) -> java.util.Collections.nCopies(items.size(), null))
                .build();

        assertThatThrownBy(() -> wrongSize.submit(1, "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0 outcomes for 1 items");
        assertThatThrownBy(() -> nulls.submit(1, "a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("null");
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> PerKeyCombiner.builder((k, items) -> items).maxBatch(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PerKeyCombiner.builder((k, items) -> items).extraBatchesBeforeHandOver(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        PerKeyCombiner.builder((k, items) -> items).build().submit(null, "x"))
                .isInstanceOf(NullPointerException.class);
    }
}
