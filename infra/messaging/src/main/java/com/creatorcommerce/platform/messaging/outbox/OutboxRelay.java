package com.creatorcommerce.platform.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows to Kafka.
 *
 * <ul>
 *   <li>Woken right after a commit that appended rows ({@link #wakeUp()}), polling every {@code poll-interval} as
 *       a fallback (rows of other instances, retries).</li>
 *   <li>Safe with many instances: each publishes only the partitions it leases ({@link PartitionLeases}); within
 *       a partition rows go out in id order on one idempotent producer ({@code acks=all}), so per-key order
 *       holds.</li>
 *   <li>Each round sends the batches of all owned partitions, then waits for the acks, then marks them in one
 *       UPDATE, so a round costs about one broker round trip whatever the number of partitions.</li>
 *   <li>A failed send is retried with exponential backoff; the head row of a partition blocks the rows behind it
 *       (order) until it succeeds or is parked as FAILED after {@code max-attempts}. Rows of the same batch that
 *       were acknowledged after a failed one are already in Kafka and stay published: a record the broker rejects
 *       on its own (e.g. too large) can therefore be overtaken by later records of its key, as with any poison
 *       record that is parked.</li>
 *   <li>Metrics: {@code outbox.backlog} (pending rows), {@code outbox.publish.latency} (commit-to-ack),
 *       {@code outbox.published}, {@code outbox.publish.failures}.</li>
 * </ul>
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Supplier<Producer<String, String>> producers;
    private volatile Producer<String, String> producer;
    private final JsonMapper json;
    private final OutboxProperties props;
    private final PartitionLeases leases;
    private final String owner;
    private final Semaphore signal = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final Timer latency;
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private volatile Thread worker;
    private long nextLeaseRefresh;
    private long nextBacklogRefresh;
    private SortedSet<Integer> owned = new java.util.TreeSet<>();

    /** A relay using {@code producer}; it can be started once (stop closes the producer). */
    public OutboxRelay(DataSource dataSource, Producer<String, String> producer, JsonMapper json,
            OutboxProperties props, MeterRegistry meters, String name) {
        this(dataSource, new OneShot(producer), json, props, meters, name);
    }

    /**
     * A relay that creates a producer from {@code producers} at each start and closes it at stop, so that it can be
     * stopped and started again (e.g. when Spring pauses and resumes a cached test context).
     */
    public OutboxRelay(DataSource dataSource, Supplier<Producer<String, String>> producers, JsonMapper json,
            OutboxProperties props, MeterRegistry meters, String name) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.producers = producers;
        this.json = json;
        this.props = props;
        this.owner = name + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.leases = new PartitionLeases(dataSource, owner, props.partitions(), props.leaseTtl(),
                System::currentTimeMillis);
        this.latency = Timer.builder("outbox.publish.latency").description("outbox commit to Kafka ack")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.published = Counter.builder("outbox.published").register(meters);
        this.failures = Counter.builder("outbox.publish.failures").register(meters);
        Gauge.builder("outbox.backlog", backlog, AtomicLong::get).description("pending outbox rows")
                .register(meters);
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
                t.join(SEND_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            log.warn("Could not release outbox partitions; they free themselves after {}", props.leaseTtl(), e);
        }
        Producer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
        worker = null;
    }

    private static final class OneShot implements Supplier<Producer<String, String>> {
        private Producer<String, String> producer;

        OneShot(Producer<String, String> producer) {
            this.producer = producer;
        }

        @Override
        public synchronized Producer<String, String> get() {
            if (producer == null) {
                throw new IllegalStateException("This relay was given one producer; it cannot be restarted");
            }
            Producer<String, String> p = producer;
            producer = null;
            return p;
        }
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

    /** One round over the owned partitions; true when a partition had a full batch (more may be waiting). */
    boolean runOnce() {
        long now = System.currentTimeMillis();
        if (now >= nextLeaseRefresh) {
            owned = leases.refresh();
            nextLeaseRefresh = now + Math.max(100, props.leaseTtl().toMillis() / 4);
        }
        if (now >= nextBacklogRefresh) {
            Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = 'PENDING'",
                    Long.class);
            backlog.set(pending == null ? 0 : pending);
            nextBacklogRefresh = now + 5_000;
        }
        // send every owned partition's batch first, then wait for all acks: a round costs about one partition's
        // round trip, not one per partition
        List<Batch> batches = new ArrayList<>(owned.size());
        for (Integer partition : owned) {
            if (!running) {
                break;
            }
            Batch batch = sendPartition(partition);
            if (batch != null) {
                batches.add(batch);
            }
        }
        boolean more = false;
        List<Long> ok = new ArrayList<>();
        for (Batch batch : batches) {
            more |= awaitAcks(batch, ok);
        }
        markPublished(ok);
        return more;
    }

    private record Row(long id, String topic, String key, String headers, String payload, int attempts,
            Timestamp createdAt, Timestamp nextAttemptAt) {
    }

    private record Batch(int selected, List<Row> rows, List<Future<RecordMetadata>> sends) {
    }

    /** Selects a partition's pending rows in id order and sends those not waiting for a retry; null if none. */
    private Batch sendPartition(int partition) {
        List<Row> rows = jdbc.query("""
                SELECT id, topic, message_key, headers, payload, attempts, created_at, next_attempt_at
                  FROM outbox_event
                 WHERE status = 'PENDING' AND partition_no = ?
                 ORDER BY id
                 LIMIT ?""",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7), rs.getTimestamp(8)),
                partition, props.batchSize());
        long nowMillis = System.currentTimeMillis();
        List<Row> sendable = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (row.nextAttemptAt() != null && row.nextAttemptAt().getTime() > nowMillis) {
                break; // head-of-line: later rows wait so that per-key order holds
            }
            sendable.add(row);
        }
        if (sendable.isEmpty()) {
            return null;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(sendable.size());
        for (Row row : sendable) {
            sends.add(producer.send(toRecord(row)));
        }
        return new Batch(rows.size(), sendable, sends);
    }

    /**
     * Collects the acknowledged ids of a batch into {@code ok}; the first failed row gets a retry with backoff (or is
     * parked). Returns true when the partition had a full batch (more may be waiting).
     */
    private boolean awaitAcks(Batch batch, List<Long> ok) {
        Row firstFailure = null;
        String error = null;
        for (int i = 0; i < batch.rows().size(); i++) {
            Row row = batch.rows().get(i);
            try {
                batch.sends().get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                ok.add(row.id());
                latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - row.createdAt().getTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (firstFailure == null) {
                    firstFailure = row;
                    error = "interrupted";
                }
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (firstFailure == null) {
                    firstFailure = row;
                    error = cause.toString();
                }
            }
        }
        if (firstFailure != null) {
            recordFailure(firstFailure, error);
            return false;
        }
        return batch.selected() == props.batchSize();
    }

    private ProducerRecord<String, String> toRecord(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        Map<String, String> headers = json.readValue(row.headers(), HEADERS);
        headers.forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ",?");
        }
        Object[] args = new Object[ids.size() + 1];
        args[0] = Timestamp.from(Instant.now());
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = ids.get(i);
        }
        jdbc.update("UPDATE outbox_event SET status = 'PUBLISHED', published_at = ? WHERE id IN (" + in + ")", args);
        published.increment(ids.size());
    }

    private void recordFailure(Row row, String error) {
        failures.increment();
        int attempts = row.attempts() + 1;
        String message = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= props.maxAttempts()) {
            log.error("Outbox row {} to {} failed {} times; parked as FAILED: {}", row.id(), row.topic(), attempts,
                    message);
            jdbc.update("UPDATE outbox_event SET status = 'FAILED', attempts = ?, last_error = ? WHERE id = ?",
                    attempts, message, row.id());
            return;
        }
        long delay = Math.min(props.maxBackoff().toMillis(),
                props.initialBackoff().toMillis() << Math.min(20, attempts - 1));
        log.warn("Outbox row {} to {} failed (attempt {}), retry in {} ms: {}", row.id(), row.topic(), attempts,
                delay, message);
        jdbc.update("UPDATE outbox_event SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
                attempts, Timestamp.from(Instant.now().plusMillis(delay)), message, row.id());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
