package com.creatorcommerce.platform.bench;

import com.creatorcommerce.platform.messaging.MessagingAutoConfiguration;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.JdbcOutbox;
import com.creatorcommerce.platform.messaging.outbox.OutboxProducers;
import com.creatorcommerce.platform.messaging.outbox.OutboxProperties;
import com.creatorcommerce.platform.messaging.outbox.OutboxRelay;
import com.creatorcommerce.platform.snowflake.Snowflake;
import com.creatorcommerce.platform.snowflake.SnowflakeAutoConfiguration;
import com.creatorcommerce.platform.test.TestDatabase;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import com.creatorcommerce.platform.test.TestKafka;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load harness for the transactional outbox against a raw "commit, then produce" baseline, on the local
 * MySQL-compatible server and an in-process KRaft broker (both from test-support).
 *
 * <p>Each event is one transaction: a business row INSERT plus either an outbox append (published by an
 * {@link OutboxRelay}) or, for the baseline, a {@link KafkaProducer#send} after commit (acks=all, idempotent, the
 * relay's producer settings). The writer's {@link System#nanoTime()}, taken right after the business INSERT (so
 * the outbox append and the COMMIT count as latency), travels in the payload; a consumer on the topic measures the
 * latency to the record's arrival. After an unmeasured JVM warmup
 * of both paths, four phases, each on its own topic: both paths at a fixed offered rate, then both unthrottled.
 *
 * <p>Settings, as {@code --name=value} arguments or {@code -Dbench.name=value}: {@code rate} (events/s, 1000),
 * {@code writers} (threads, 8), {@code warmup} (s per phase and per path at the start, 10: on 2 cores the JIT still compiles after 5 s, which
 * penalises whichever path is measured first), {@code duration}
 * (s, 20), {@code max-duration} (s, 10; 0 skips the unthrottled phases), {@code drain-timeout} (s, 60),
 * {@code topic-partitions} (3), {@code linger-ms} (0, both paths' producers), {@code hand-off} (0; 1 turns on
 * {@code platform.outbox.hand-off}), {@code append-only} (0; 1 adds an unthrottled phase of outbox appends with no
 * relay: the writers' own ceiling, nothing published), {@code compression} ({@code none}; {@code lz4}, {@code zstd},
 * ... for both paths' producers).
 */
public final class OutboxLoadHarness {

    /** What every path publishes; {@code committedAtNanos}: the writer's clock after the business INSERT. */
    public record OrderPlaced(long orderId, long seq, long committedAtNanos) {}

    record Settings(
            int rate,
            int writers,
            int warmup,
            int duration,
            int maxDuration,
            int drainTimeout,
            int topicPartitions,
            int lingerMs,
            int handOff,
            int appendOnly,
            String compression) {

        static Settings parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                given.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            Settings s = new Settings(
                    setting(given, "rate", 1000),
                    setting(given, "writers", 8),
                    setting(given, "warmup", 10),
                    setting(given, "duration", 20),
                    setting(given, "max-duration", 10),
                    setting(given, "drain-timeout", 60),
                    setting(given, "topic-partitions", 3),
                    setting(given, "linger-ms", 0),
                    setting(given, "hand-off", 0),
                    setting(given, "append-only", 0),
                    given.getOrDefault("compression", System.getProperty("bench.compression", "none")));
            given.remove("compression");
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown settings " + given.keySet());
            }
            return s;
        }

        private static int setting(Map<String, String> given, String name, int fallback) {
            String value = given.remove(name);
            return Integer.parseInt(value != null ? value : System.getProperty("bench." + name, "" + fallback));
        }
    }

    record Figures(
            String path,
            String load,
            double committedPerSecond,
            double deliveredPerSecond,
            long committed,
            long delivered,
            long errors,
            long[] sortedLatencyNanos) {}

    /** One way of getting an event from a business transaction to Kafka. */
    private interface EventPath extends AutoCloseable {

        /** Commits one event; returns the timestamp that went into its payload. */
        long write(long seq);

        /** Events that will never arrive (failed sends). */
        default long failedSends() {
            return 0;
        }

        /** False for a path that appends without publishing: its phase measures the writers only. */
        default boolean publishes() {
            return true;
        }

        @Override
        void close();
    }

    private final Settings settings;
    private final String bootstrapServers;
    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Snowflake ids = new Snowflake(1);
    /** The relay's per-stage figures of the last outbox phase (including its warmup). */
    private String stages = "";

    private final JsonMapper json = new JsonMapper();

    private OutboxLoadHarness(Settings settings, String bootstrapServers, HikariDataSource dataSource) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.parse(args);
        System.out.printf(
                "Outbox load harness: %s, %d cores, Java %s%n",
                s, Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<Figures> results = new ArrayList<>();
        try (TestDatabase db = TestDatabaseServer.get().create();
                HikariDataSource ds = pool(db, s.writers() + 4)) {
            Flyway.configure()
                    .dataSource(ds)
                    .locations(SnowflakeAutoConfiguration.FLYWAY_LOCATION, MessagingAutoConfiguration.FLYWAY_LOCATION)
                    .load()
                    .migrate();
            new JdbcTemplate(ds).execute("""
                    CREATE TABLE bench_order (
                        id           BIGINT      NOT NULL PRIMARY KEY,
                        customer_id  BIGINT      NOT NULL,
                        amount_cents BIGINT      NOT NULL,
                        created_at   DATETIME(6) NOT NULL
                    )""");
            OutboxLoadHarness harness = new OutboxLoadHarness(s, TestKafka.bootstrapServers(), ds);
            // a cold JVM (JIT on 2 cores) is slow for several seconds: warm both paths up before any phase counts
            harness.phase("outbox", "JVM warmup", s.rate(), 0);
            harness.phase("direct", "JVM warmup", s.rate(), 0);
            String offered = String.format(Locale.ROOT, "%,d/s offered", s.rate());
            results.add(harness.phase("outbox", offered, s.rate(), s.duration()));
            results.add(harness.phase("direct", offered, s.rate(), s.duration()));
            if (s.maxDuration() > 0) {
                results.add(harness.phase("outbox", "unthrottled", 0, s.maxDuration()));
                results.add(harness.phase("direct", "unthrottled", 0, s.maxDuration()));
                if (s.appendOnly() == 1) { // the writers' own ceiling: business INSERT + outbox append + COMMIT
                    results.add(harness.phase("append-only", "unthrottled", 0, s.maxDuration()));
                }
            }
        }
        System.out.println();
        System.out.printf(
                "%d writer threads, warmup %d s, measured %d s (fixed rate) / %d s (unthrottled); latency ="
                        + " business INSERT done (before outbox append and COMMIT) -> consumer poll%n",
                s.writers(), s.warmup(), s.duration(), s.maxDuration());
        System.out.println();
        System.out.println("| Path | Load | Committed/s | Delivered/s | p50 ms | p99 ms | max ms | Lost |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (Figures f : results) {
            boolean published = !f.path().equals("append-only");
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %,.0f | %s | %s | %s | %s | %s |%n",
                    f.path(),
                    f.load(),
                    f.committedPerSecond(),
                    published ? String.format(Locale.ROOT, "%,.0f", f.deliveredPerSecond()) : "-",
                    millis(f, 0.50),
                    millis(f, 0.99),
                    millis(f, 1.0),
                    published ? Long.toString(f.committed() - f.delivered()) : "-");
        }
        System.exit(0); // the in-process broker's threads would keep the JVM up; its shutdown hook stops it
    }

    /**
     * Warms up, then offers events at {@code rate} per second (0: as fast as the writers go) for {@code seconds}
     * (0: warmup only).
     */
    private Figures phase(String pathName, String load, int rate, int seconds) throws Exception {
        String topic = "bench." + pathName + "." + (rate == 0 ? "max" : rate) + "." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, settings.topicPartitions(), (short) 1)))
                    .all()
                    .get();
        }
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(settings.warmup()).toNanos();
        long until = measureFrom + Duration.ofSeconds(seconds).toNanos();
        AtomicLong tickets = new AtomicLong();
        LongAdder committed = new LongAdder();
        LongAdder errors = new LongAdder();
        try (EventPath path = switch (pathName) {
                    case "outbox" -> outboxPath(topic);
                    case "append-only" -> appendOnlyPath(topic);
                    default -> directPath(topic);
                };
                LatencyConsumer consumer = new LatencyConsumer(
                        bootstrapServers, topic, settings.topicPartitions(), json, measureFrom, until)) {
            try (ExecutorService writers = Executors.newFixedThreadPool(settings.writers())) {
                for (int w = 0; w < settings.writers(); w++) {
                    writers.submit(() -> {
                        while (true) {
                            long seq = tickets.getAndIncrement();
                            if (rate > 0) {
                                long due = start + (long) (seq * 1e9 / rate);
                                if (due >= until) {
                                    return;
                                }
                                for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                                    LockSupport.parkNanos(wait);
                                }
                            } else if (System.nanoTime() >= until) {
                                return;
                            }
                            try {
                                long at = path.write(seq);
                                if (at >= measureFrom && at < until) {
                                    committed.increment();
                                }
                            } catch (RuntimeException e) {
                                errors.increment();
                            }
                        }
                    });
                }
            } // waits for the writers
            long expected = path.publishes() ? committed.sum() - path.failedSends() : 0;
            boolean drained = consumer.await(expected, Duration.ofSeconds(settings.drainTimeout()));
            consumer.close();
            Figures f = new Figures(
                    pathName,
                    load,
                    committed.sum() / (double) seconds,
                    consumer.delivered() / ((consumer.lastDeliveredAt() - measureFrom) / 1e9),
                    committed.sum(),
                    consumer.delivered(),
                    errors.sum() + path.failedSends(),
                    consumer.sortedLatencies());
            if (seconds > 0) {
                System.out.printf(
                        Locale.ROOT,
                        "%s, %s: %,d committed, %,d delivered%s, %d errors, p50 %s ms," + " p99 %s ms, max %s ms%n",
                        pathName,
                        load,
                        f.committed(),
                        f.delivered(),
                        drained ? "" : " (drain timed out)",
                        f.errors(),
                        millis(f, 0.5),
                        millis(f, 0.99),
                        millis(f, 1.0));
            }
            return f;
        } finally {
            if (seconds > 0 && pathName.equals("outbox")) {
                System.out.println("  relay stages (warmup included): " + stages); // set when the relay stopped
            }
        }
    }

    private EventPath outboxPath(String topic) {
        OutboxProperties d = OutboxProperties.defaults();
        OutboxProperties props = new OutboxProperties(
                d.enabled(),
                d.batchSize(),
                d.pollInterval(),
                d.leaseTtl(),
                d.sendTimeout(),
                d.initialBackoff(),
                d.maxBackoff(),
                d.retention(),
                settings.handOff() == 1);
        Map<String, Object> config = OutboxProducers.config(producerBase(), props, "bench-relay");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = new OutboxRelay(dataSource, OutboxProducers.factory(config), json, props, meters, "bench");
        relay.start();
        JdbcOutbox outbox = new JdbcOutbox(dataSource, ids, json, "/bench", relay);
        // the writer's side: business INSERT done -> transaction returned (append, COMMIT and the hand-off)
        Timer commitTimer = Timer.builder("outbox.stage")
                .tag("stage", "commit")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        return new EventPath() {
            @Override
            public long write(long seq) {
                long at = tx.execute(status -> {
                    OrderPlaced event = insertOrder(seq);
                    outbox.append(OutboundMessage.of(topic, key(event), "bench.order-placed.v1", event));
                    return event.committedAtNanos();
                });
                commitTimer.record(System.nanoTime() - at, TimeUnit.NANOSECONDS);
                return at;
            }

            @Override
            public void close() {
                relay.stop(); // also closes its producer
                stages = StageReport.of(meters);
            }
        };
    }

    /** The outbox append without any relay: what the writers alone can commit (no event is published). */
    private EventPath appendOnlyPath(String topic) {
        JdbcOutbox outbox = new JdbcOutbox(dataSource, ids, json, "/bench", (OutboxRelay) null);
        return new EventPath() {
            @Override
            public long write(long seq) {
                return tx.execute(status -> {
                    OrderPlaced event = insertOrder(seq);
                    outbox.append(OutboundMessage.of(topic, key(event), "bench.order-placed.v1", event));
                    return event.committedAtNanos();
                });
            }

            @Override
            public boolean publishes() {
                return false;
            }

            @Override
            public void close() {}
        };
    }

    private EventPath directPath(String topic) {
        KafkaProducer<String, String> producer = producer();
        LongAdder failed = new LongAdder();
        return new EventPath() {
            @Override
            public long write(long seq) {
                OrderPlaced event = tx.execute(status -> insertOrder(seq));
                producer.send(
                        new ProducerRecord<>(topic, key(event), json.writeValueAsString(event)), (metadata, e) -> {
                            if (e != null) {
                                failed.increment();
                            }
                        });
                return event.committedAtNanos();
            }

            @Override
            public long failedSends() {
                return failed.sum();
            }

            @Override
            public void close() {
                producer.close(Duration.ofSeconds(10));
            }
        };
    }

    /** The business row; the event's timestamp is taken right after it, before the outbox append and COMMIT. */
    private OrderPlaced insertOrder(long seq) {
        long orderId = ids.nextId();
        long customer = ThreadLocalRandom.current().nextLong(10_000);
        jdbc.update(
                "INSERT INTO bench_order (id, customer_id, amount_cents, created_at) VALUES (?, ?, ?, NOW(6))",
                orderId,
                customer,
                1_000 + seq % 50_000);
        return new OrderPlaced(orderId, seq, System.nanoTime());
    }

    private static String key(OrderPlaced event) {
        return Long.toString(event.orderId());
    }

    /** The relay's producer settings in the services (OutboxProducers), for the direct path too. */
    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                OutboxProducers.config(producerBase(), OutboxProperties.defaults(), "bench-direct"),
                new StringSerializer(),
                new StringSerializer());
    }

    private Map<String, Object> producerBase() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG,
                settings.lingerMs(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                settings.compression());
    }

    private static HikariDataSource pool(TestDatabase db, int size) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.user());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(size);
        return ds;
    }

    private static String millis(Figures f, double quantile) {
        long[] sorted = f.sortedLatencyNanos();
        if (sorted.length == 0) {
            return "n/a";
        }
        int index = Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.1f", sorted[index] / 1e6);
    }
}
