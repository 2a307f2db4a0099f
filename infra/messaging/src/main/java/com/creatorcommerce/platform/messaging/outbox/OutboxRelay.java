package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.outbox.DeliveryErrors.Kind;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore.Row;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 *   <li>Woken right after a commit that appended rows ({@link #wakeUp()}); polling every {@code poll-interval} is
 *       the fallback (other instances' rows, retries).</li>
 *   <li>Publishes only the {@link OutboxSlots} it leases ({@link SlotLeases}); rows go out in id order on one
 *       idempotent producer ({@code acks=all}), so per-key order holds. A batch is sent only while the leases stay
 *       valid for longer than a send can take, and the leases are renewed by a heartbeat thread while a round
 *       waits for a slow broker, so a slot never has two publishers.</li>
 *   <li>A round sends the batch, waits for the acks, then marks the acknowledged rows in one UPDATE. Every row is
 *       handled on its own: one failure never abandons the other rows' sends.</li>
 *   <li>Failures are classified once ({@link DeliveryErrors}): a transient one (broker down, timeouts, not enough
 *       replicas) keeps the row's slot waiting with capped back-off, without limit, until it is delivered; only a
 *       record that can never be accepted is parked as FAILED (operators requeue it, {@link OutboxStore#requeue});
 *       a fatal producer error replaces the producer.</li>
 *   <li>Metrics ({@link OutboxMetrics}): backlog, parked rows, oldest pending age, waiting slots, latency, counts.</li>
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
    private final String owner;
    private final Semaphore signal = new Semaphore(0);
    /** Slots whose head row failed transiently: when they may be tried again. Relay thread only (gauge reads). */
    private final Map<Integer, Backoff> waiting = new ConcurrentHashMap<>();
    private volatile Producer<String, String> producer;
    private volatile boolean running;
    private volatile Thread worker;
    private LeaseKeeper keeper;
    private long nextRebalance;

    private record Backoff(int failures, long dueNanos) {
    }

    private record InFlight(Row row, Future<RecordMetadata> ack) {
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
        this.metrics = new OutboxMetrics(meters, waiting);
    }

    /** Signals that rows were committed; cheap and safe from any thread. */
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
        keeper = new LeaseKeeper(leases, store, metrics, props.renewInterval());
        keeper.start();
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
            try {
                t.join(props.sendBudget().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
    }

    /** One round; true when the batch was full (more may be waiting). */
    boolean runOnce() {
        long now = System.nanoTime();
        if (now - nextRebalance >= 0) {
            leases.rebalance();
            nextRebalance = now + props.renewInterval().toNanos();
        }
        if (!leases.mayPublish(props.sendBudget())) {
            return false;
        }
        Set<Integer> notDue = new HashSet<>();
        waiting.forEach((slot, b) -> {
            if (b.dueNanos() - now > 0) {
                notDue.add(slot);
            }
        });
        List<Row> rows = store.pending(leases.held().slots(), notDue, props.batchSize());
        if (rows.isEmpty()) {
            return false;
        }
        Round round = new Round();
        for (Row row : rows) {
            if (round.aborted || round.failedSlots.contains(row.slot())) {
                continue; // rows behind a failure in their slot wait: per-key order
            }
            send(row, round);
        }
        awaitAcks(round);
        store.markPublished(round.acked);
        metrics.published(round.acked.size());
        if (round.replaceProducer) {
            replaceProducer();
        }
        return rows.size() == props.batchSize() && !round.aborted;
    }

    private static final class Round {
        final List<InFlight> inFlight = new ArrayList<>();
        final List<Long> acked = new ArrayList<>();
        final Set<Integer> failedSlots = new HashSet<>();
        final Set<Integer> succeededSlots = new HashSet<>();
        boolean aborted;
        boolean replaceProducer;
    }

    private void send(Row row, Round round) {
        ProducerRecord<String, String> record;
        try {
            record = toRecord(row);
        } catch (RuntimeException e) {
            failed(row, new DeliveryErrors.UnreadableRowException("unreadable outbox row: " + e, e), round);
            return;
        }
        Throwable refused;
        try {
            Future<RecordMetadata> ack = producer.send(record);
            refused = failureIfDone(ack);
            if (refused == null) {
                round.inFlight.add(new InFlight(row, ack));
                return;
            }
        } catch (RuntimeException e) {
            refused = e;
        }
        // refused before it was queued (e.g. no metadata for the topic): later rows of its slot must not go out
        // ahead of it, and the next rows would most likely be refused the same way
        failed(row, refused, round);
        if (DeliveryErrors.classify(refused) != Kind.PERMANENT) {
            round.aborted = true;
        }
    }

    /** The failure of an already completed send, or null when it is still in flight (or succeeded). */
    private static Throwable failureIfDone(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return null;
        }
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void awaitAcks(Round round) {
        long deadline = System.nanoTime() + props.sendBudget().toNanos();
        for (InFlight f : round.inFlight) {
            Row row = f.row();
            try {
                f.ack().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                round.acked.add(row.id());
                round.succeededSlots.add(row.slot());
                metrics.latency(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - row.createdAt().getTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed(row, e, round);
            } catch (ExecutionException e) {
                failed(row, e.getCause(), round);
            } catch (TimeoutException e) {
                failed(row, e, round);
            }
        }
        round.succeededSlots.forEach(slot -> {
            if (!round.failedSlots.contains(slot)) {
                waiting.remove(slot);
            }
        });
    }

    /** Applies the one policy: park a record-specific permanent failure, otherwise keep the slot waiting. */
    private void failed(Row row, Throwable error, Round round) {
        Kind kind = DeliveryErrors.classify(error);
        metrics.failure(kind);
        if (kind == Kind.PERMANENT) {
            log.error("Outbox row {} to {} can never be delivered; parked as FAILED: {}", row.id(), row.topic(),
                    error.toString());
            store.park(row.id(), error.toString());
            return;
        }
        if (kind == Kind.PRODUCER_FATAL) {
            round.replaceProducer = true;
        }
        if (!round.failedSlots.add(row.slot())) {
            return; // the slot's first failure in this round already set its back-off
        }
        Backoff previous = waiting.get(row.slot());
        int failures = previous == null ? 1 : previous.failures() + 1;
        long delay = Math.min(props.maxBackoff().toMillis(),
                props.initialBackoff().toMillis() << Math.min(20, failures - 1));
        waiting.put(row.slot(), new Backoff(failures, System.nanoTime() + delay * 1_000_000));
        log.warn("Outbox row {} to {} not delivered ({} failure {} of its slot), retry in {} ms: {}", row.id(),
                row.topic(), kind, failures, delay, error.toString());
        try {
            store.recordRetry(row.id(), Instant.now().plusMillis(delay), error.toString());
        } catch (RuntimeException e) {
            log.debug("Could not record the retry of outbox row {}: {}", row.id(), e.toString());
        }
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        Map<String, String> headers = json.readValue(row.headers(), HEADERS);
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private void replaceProducer() {
        log.warn("Replacing the outbox relay's Kafka producer after a fatal producer error");
        closeProducer();
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

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
