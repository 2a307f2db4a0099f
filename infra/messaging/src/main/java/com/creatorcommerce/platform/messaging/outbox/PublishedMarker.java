package com.creatorcommerce.platform.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks acknowledged rows PUBLISHED on a thread of its own, many rows per UPDATE, so that the relay thread never
 * waits for that commit (and its log flush) before sending the next rows. The relay keeps such rows from being sent
 * again until it has taken them back from {@link #takeMarked()}: a batch handed out there was committed before the
 * relay's next SELECT starts, so that SELECT cannot return them. If the relay dies first, the rows are sent again
 * after a restart or takeover (at-least-once; consumers dedupe through the inbox).
 */
final class PublishedMarker {

    private static final Logger log = LoggerFactory.getLogger(PublishedMarker.class);
    private static final int MAX_PER_UPDATE = 1000;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final OutboxStore store;
    private final ConcurrentLinkedQueue<List<Long>> marked = new ConcurrentLinkedQueue<>();
    private final OutboxMetrics metrics;
    private final LinkedBlockingQueue<Long> acked = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    PublishedMarker(OutboxStore store, OutboxMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** The ids marked (committed) since the last call. */
    List<Long> takeMarked() {
        List<Long> ids = new ArrayList<>();
        List<Long> batch;
        while ((batch = marked.poll()) != null) {
            ids.addAll(batch);
        }
        return ids;
    }

    void acked(long id) {
        acked.add(id);
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-marker");
        thread.setDaemon(true);
        thread.start();
    }

    /** Marks what was acknowledged so far, then stops. */
    void stop(long waitMillis) {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        List<Long> batch = new ArrayList<>();
        long backoff = 50;
        while (running || !acked.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Long first = acked.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    gather(batch);
                }
                acked.drainTo(batch, MAX_PER_UPDATE - batch.size());
                long started = System.nanoTime();
                store.markPublished(batch);
                metrics.mark(System.nanoTime() - started);
                metrics.published(batch.size());
                marked.add(List.copyOf(batch));
                batch.clear();
                backoff = 50;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "Could not mark {} outbox rows published (retrying in {} ms): {}",
                        batch.size(),
                        backoff,
                        e.toString());
                if (!running) {
                    return; // they are sent again after the restart; the inbox absorbs the duplicates
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /**
     * Waits up to {@link #LINGER_NANOS} for more acks to join the batch: fewer, larger UPDATE transactions (each one
     * a log flush the writers' commits queue behind). Marking is off the delivery path; this only delays cleanup.
     */
    private void gather(List<Long> batch) throws InterruptedException {
        long until = System.nanoTime() + LINGER_NANOS;
        for (long left; running && batch.size() < MAX_PER_UPDATE && (left = until - System.nanoTime()) > 0; ) {
            Long next = acked.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            acked.drainTo(batch, MAX_PER_UPDATE - batch.size());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
