package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.outbox.DeliveryErrors.Kind;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore.Row;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows to Kafka (ADR 2, ADR 10).
 *
 * <ul>
 *   <li>Woken right after a commit that appended rows ({@link #wakeUp()}), and by the acknowledgement of a row whose
 *       slot had more rows waiting; polling every {@code poll-interval} is the fallback (other instances' rows,
 *       retries).</li>
 *   <li>Pipelined: the relay thread selects pending rows and sends them without waiting; acknowledgements come
 *       back through producer callbacks, and {@link PublishedMarker} marks them PUBLISHED on its own thread, many
 *       per UPDATE.</li>
 *   <li>Per-key order: a slot has at most one row in flight. Kafka may write a later record after an earlier one
 *       of the same partition failed (a timed-out batch is skipped), so the next row of a slot is sent only once
 *       the previous one is acknowledged; rows are taken in id order.</li>
 *   <li>Publishes only the {@link OutboxSlots} it leases ({@link SlotLeases}); sends only while the leases stay
 *       valid for longer than a send can take; the leases are renewed by {@link LeaseKeeper} meanwhile.</li>
 *   <li>Failures are classified once ({@link DeliveryErrors}): a transient one keeps its slot waiting with capped
 *       back-off, without limit; only a record that can never be accepted is parked as FAILED; a fatal producer
 *       error replaces the producer.</li>
 * </ul>
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    private final OutboxStore store;
    private final Supplier<Producer<String, String>> producers;
    private final JsonMapper json;
    private final OutboxProperties props;
    private final SlotLeases leases;
    private final OutboxMetrics metrics;
    private final SlotBackoff backoff;
    private final String owner;
    private final Semaphore signal = new Semaphore(0);
    /** Slot → the row of it in flight. */
    private final Map<Integer, Long> busy = new ConcurrentHashMap<>();
    /** Rows in flight or acknowledged but not yet marked, with their slots: never sent again meanwhile. */
    private final Map<Long, Integer> unresolved = new ConcurrentHashMap<>();
    private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
    /** Slots with rows behind an unacknowledged one (left out, or later in the batch): their ack starts a round. */
    private volatile Set<Integer> leftOutBusy = Set.of();
    private volatile Producer<String, String> producer;
    /** A fatal producer error was seen: replace the producer once the completions at hand are settled. */
    private boolean producerBroken;
    private volatile boolean running;
    private volatile Thread worker;
    private LeaseKeeper keeper;
    private PublishedMarker marker;
    private long nextRebalance;

    private record Completion(Row row, Throwable error) {
    }

    /**
     * A relay that creates a producer from {@code producers} at each start (and after a fatal producer error) and
     * closes it at stop, so that it can be stopped and started again.
     */
    public OutboxRelay(DataSource dataSource, Supplier<Producer<String, String>> producers, JsonMapper json,
            OutboxProperties props, MeterRegistry meters, String name) {
        this.store = new OutboxStore(dataSource);
        this.producers = producers;
        this.json = json;
        this.props = props;
        this.owner = name + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.leases = new SlotLeases(dataSource, owner, props.leaseTtl(), System::nanoTime);
        this.backoff = new SlotBackoff(props.initialBackoff(), props.maxBackoff());
        this.metrics = new OutboxMetrics(meters, backoff.waiting(), busy);
    }

    /** Signals that rows were committed (or acknowledged); cheap and safe from any thread. */
    public void wakeUp() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    public String owner() {
        return owner;
    }

    @Override
    public void start() {
        leases.initialize();
        producer = producers.get();
        running = true;
        keeper = new LeaseKeeper(leases, store, metrics, props.renewInterval(), this::wakeUp);
        keeper.start();
        marker = new PublishedMarker(store, metrics);
        marker.start();
        Thread t = new Thread(this::loop, "outbox-relay");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            signal.release();
            join(t, props.sendBudget().toMillis() + 1_000);
        }
        if (marker != null) {
            marker.stop(5_000);
        }
        if (keeper != null) {
            keeper.stop();
        }
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            log.warn("Could not release outbox slots; they free themselves after {}", props.leaseTtl(), e);
        }
        closeProducer();
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server and listeners (which may still append), before the DataSource goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void loop() {
        long errorBackoff = props.initialBackoff().toMillis();
        while (running) {
            try {
                boolean more = runOnce();
                errorBackoff = props.initialBackoff().toMillis();
                if (!more) {
                    signal.tryAcquire(props.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed (retrying in {} ms): {}", errorBackoff, e.toString());
                sleepQuietly(errorBackoff);
                errorBackoff = Math.min(errorBackoff * 2, props.maxBackoff().toMillis());
            }
        }
        drainInFlight();
    }

    /** One round: settle completions, then send the next row of every idle slot; true when more may be waiting. */
    boolean runOnce() {
        settleCompletions();
        marker.takeMarked().forEach(unresolved::remove); // committed before the SELECT below starts
        long now = System.nanoTime();
        if (now - nextRebalance >= 0) {
            leases.rebalance(new HashSet<>(unresolved.values())); // a slot moves only when nothing of it is open
            nextRebalance = now + props.renewInterval().toNanos();
        }
        if (!leases.mayPublish(props.sendBudget()) || unresolved.size() > 10 * props.batchSize()) {
            return false; // leases not trusted long enough, or the marker is behind (database slow): wait
        }
        Set<Integer> inFlightSlots = Set.copyOf(busy.keySet());
        leftOutBusy = inFlightSlots;
        if (!completions.isEmpty()) {
            wakeUp(); // an ack that came in just before leftOutBusy was set did not wake us: run again soon
        }
        Set<Integer> skip = new HashSet<>(inFlightSlots);
        skip.addAll(backoff.notDue(now));
        int limit = props.batchSize() + unresolved.size();
        List<Row> rows = store.pending(leases.held().slots(), skip, limit);
        leftOutBusy = waitingBehind(inFlightSlots, rows); // before sending: their acks must start the next round
        int sent = 0;
        Set<Integer> taken = new HashSet<>();
        for (Row row : rows) {
            if (unresolved.containsKey(row.id()) || !taken.add(row.slot())) {
                continue; // in flight or being marked; or its slot already sends an older row
            }
            if (!send(row)) {
                break; // the producer refuses records now (closed, or no metadata): try again later
            }
            sent++;
        }
        return sent > 0 && rows.size() == limit;
    }

    /** The slots whose rows wait for an ack: those in flight now, and those with more than one row in this batch. */
    private Set<Integer> waitingBehind(Set<Integer> inFlightSlots, List<Row> rows) {
        Set<Integer> seen = new HashSet<>();
        Set<Integer> behind = new HashSet<>(inFlightSlots);
        for (Row row : rows) {
            if (!unresolved.containsKey(row.id()) && !seen.add(row.slot())) {
                behind.add(row.slot());
            }
        }
        return behind;
    }

    /** Sends one row; false when the producer refused it at once (the round should stop). */
    private boolean send(Row row) {
        ProducerRecord<String, String> record;
        try {
            record = toRecord(row);
        } catch (RuntimeException e) {
            failed(row, new DeliveryErrors.UnreadableRowException("unreadable outbox row: " + e, e));
            return true;
        }
        busy.put(row.slot(), row.id());
        unresolved.put(row.id(), row.slot());
        metrics.queued(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - row.createdAt().getTime())));
        long sentAt = System.nanoTime();
        Future<RecordMetadata> ack;
        try {
            ack = producer.send(record, (metadata, error) -> {
                metrics.broker(System.nanoTime() - sentAt);
                if (error == null) {
                    marker.acked(row.id()); // marked at once; the relay thread only does the bookkeeping
                }
                completions.add(new Completion(row, error));
                if (error != null || leftOutBusy.contains(row.slot())) {
                    wakeUp(); // rows of this slot may wait behind it; otherwise the next commit or poll settles it
                }
            });
        } catch (RuntimeException e) { // not an ApiException: the callback is not called
            settle(new Completion(row, e));
            return DeliveryErrors.classify(e) == Kind.PERMANENT;
        }
        return !(ack.isDone() && failedAtOnce(ack)); // its callback has run or will run: it is settled there
    }

    private static boolean failedAtOnce(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private void settleCompletions() {
        Completion c;
        while ((c = completions.poll()) != null) {
            settle(c);
        }
        if (producerBroken) {
            producerBroken = false; // once for all the rows that failed with it
            replaceProducer();
        }
    }

    private void settle(Completion c) {
        Row row = c.row();
        busy.remove(row.slot(), row.id());
        if (c.error() == null) {
            backoff.succeeded(row.slot());
            metrics.latency(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - row.createdAt().getTime())));
            return;
        }
        unresolved.remove(row.id());
        failed(row, c.error());
    }

    /** Applies the one policy: park a record-specific permanent failure, otherwise keep the slot waiting. */
    private void failed(Row row, Throwable error) {
        Kind kind = DeliveryErrors.classify(error);
        metrics.failure(kind);
        if (kind == Kind.PERMANENT) {
            log.error("Outbox row {} to {} can never be delivered; parked as FAILED: {}", row.id(), row.topic(),
                    error.toString());
            store.park(row.id(), error.toString());
            return;
        }
        SlotBackoff.Wait wait = backoff.failed(row.slot(), System.nanoTime());
        log.warn("Outbox row {} to {} not delivered ({} failure {} of its slot), retry in {} ms: {}", row.id(),
                row.topic(), kind, wait.failures(), wait.delay().toMillis(), error.toString());
        try {
            store.recordRetry(row.id(), Instant.now().plus(wait.delay()), error.toString());
        } catch (RuntimeException e) {
            log.debug("Could not record the retry of outbox row {}: {}", row.id(), e.toString());
        }
        if (kind == Kind.PRODUCER_FATAL) {
            producerBroken = true; // replaced after the completions at hand are settled
        }
    }

    /** At stop: lets the rows in flight finish (bounded by the send budget) so that they are marked. */
    private void drainInFlight() {
        long deadline = System.nanoTime() + props.sendBudget().toNanos();
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            settleCompletions();
            sleepQuietly(5);
        }
        settleCompletions();
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        Map<String, String> headers = json.readValue(row.headers(), HEADERS);
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private void replaceProducer() {
        log.warn("Replacing the outbox relay's Kafka producer after a fatal producer error");
        closeProducer(); // fails what it still holds: those rows come back through their callbacks
        producer = producers.get();
    }

    private void closeProducer() {
        Producer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("Closing the outbox producer failed: {}", e.toString());
            }
        }
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
