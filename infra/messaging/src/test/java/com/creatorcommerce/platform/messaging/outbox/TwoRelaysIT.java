package com.creatorcommerce.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.messaging.MessagingAutoConfiguration;
import com.creatorcommerce.platform.snowflake.Snowflake;
import com.creatorcommerce.platform.snowflake.SnowflakeAutoConfiguration;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestDatabase;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import com.creatorcommerce.platform.test.TestKafka;
import com.creatorcommerce.platform.test.TopicRecorder;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Two relay instances over one outbox table: every row published, per-key order intact, work shared. */
class TwoRelaysIT {

    private static final int WRITERS = 4;
    private static final int KEYS_PER_WRITER = 10;
    private static final int EVENTS_PER_KEY = 50;
    private static final int TOTAL = WRITERS * KEYS_PER_WRITER * EVENTS_PER_KEY;

    record Sequenced(String key, int seq) {}

    @Test
    void twoRelaysPublishEveryRowOnceInPerKeyOrder() throws Exception {
        String topic = "relay-order-" + UUID.randomUUID();
        OutboxProperties props = new OutboxProperties(
                true, 50, Duration.ofMillis(50), Duration.ofSeconds(4), Duration.ofSeconds(1), null, null, null, null);
        try (TestDatabase db = TestDatabaseServer.get().create();
                HikariDataSource ds = pool(db);
                TopicRecorder recorder = TopicRecorder.of(topic)) {
            Flyway.configure()
                    .dataSource(ds)
                    .locations(SnowflakeAutoConfiguration.FLYWAY_LOCATION, MessagingAutoConfiguration.FLYWAY_LOCATION)
                    .load()
                    .migrate();
            JsonMapper json = new JsonMapper();
            SimpleMeterRegistry metersA = new SimpleMeterRegistry();
            SimpleMeterRegistry metersB = new SimpleMeterRegistry();
            OutboxRelay relayA = new OutboxRelay(ds, TwoRelaysIT::producer, json, props, metersA, "relay-a");
            OutboxRelay relayB = new OutboxRelay(ds, TwoRelaysIT::producer, json, props, metersB, "relay-b");
            relayA.start();
            relayB.start();
            try {
                Await.until(
                        "both relays hold slots",
                        Duration.ofSeconds(30),
                        () -> new JdbcTemplate(ds)
                                        .queryForObject(
                                                "SELECT COUNT(DISTINCT owner) FROM outbox_partition_lease WHERE owner IS NOT NULL",
                                                Integer.class)
                                == 2);
                JdbcOutbox outbox = new JdbcOutbox(ds, new Snowflake(1), json, "/test", () -> {
                    relayA.wakeUp();
                    relayB.wakeUp();
                });
                TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
                try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
                    List<Future<?>> done = new ArrayList<>();
                    for (int w = 0; w < WRITERS; w++) {
                        int writer = w;
                        done.add(writers.submit(() -> {
                            for (int seq = 0; seq < EVENTS_PER_KEY; seq++) {
                                for (int k = 0; k < KEYS_PER_WRITER; k++) {
                                    String key = "key-" + writer + "-" + k;
                                    int s = seq;
                                    tx.executeWithoutResult(status ->
                                            outbox.append(com.creatorcommerce.platform.messaging.OutboundMessage.of(
                                                    topic, key, "test.sequenced.v1", new Sequenced(key, s))));
                                }
                                sleep(5);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                }

                List<ConsumerRecord<String, String>> records = recorder.await(r -> true, TOTAL, Duration.ofSeconds(60));
                sleep(500); // anything published twice would show up now
                records = recorder.records();

                Map<String, List<Integer>> perKey = new HashMap<>();
                Set<String> ids = new HashSet<>();
                for (ConsumerRecord<String, String> r : records) {
                    Sequenced s = json.readValue(r.value(), Sequenced.class);
                    assertThat(r.key()).isEqualTo(s.key());
                    perKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s.seq());
                    ids.add(TopicRecorder.header(r, MessageHeaders.ID));
                }
                assertThat(ids).as("every row published").hasSize(TOTAL);
                assertThat(records).as("each row once").hasSize(TOTAL);
                assertThat(perKey).hasSize(WRITERS * KEYS_PER_WRITER);
                perKey.forEach((key, seqs) ->
                        assertThat(seqs).as("order of " + key).isSorted().hasSize(EVENTS_PER_KEY));

                double publishedA = metersA.counter("outbox.published").count();
                double publishedB = metersB.counter("outbox.published").count();
                assertThat(publishedA + publishedB).isEqualTo(TOTAL);
                assertThat(publishedA).as("relay A took part").isPositive();
                assertThat(publishedB).as("relay B took part").isPositive();
                assertThat(new JdbcTemplate(ds)
                                .queryForObject(
                                        "SELECT COUNT(*) FROM outbox_event WHERE status <> 'PUBLISHED'", Integer.class))
                        .isZero();
            } finally {
                relayA.stop();
                relayB.stop();
            }
        }
    }

    @Test
    void leasesSplitSlotsFairlyAndMoveWhenAnInstanceLeaves() {
        try (TestDatabase db = TestDatabaseServer.get().create();
                HikariDataSource ds = pool(db)) {
            Flyway.configure()
                    .dataSource(ds)
                    .locations(MessagingAutoConfiguration.FLYWAY_LOCATION)
                    .load()
                    .migrate();
            SlotLeases a = new SlotLeases(ds, "a", Duration.ofSeconds(10), System::nanoTime);
            SlotLeases b = new SlotLeases(ds, "b", Duration.ofSeconds(10), System::nanoTime);
            a.initialize();
            b.initialize();
            Duration budget = Duration.ofSeconds(5);

            assertThat(a.rebalance().slots()).hasSize(OutboxSlots.COUNT);
            assertThat(a.mayPublish(budget)).isTrue();
            assertThat(b.rebalance().slots()).as("nothing free yet").isEmpty();
            assertThat(b.mayPublish(budget)).as("no slots, nothing to publish").isFalse();
            assertThat(a.rebalance().slots()).as("a gives up the excess").hasSize(OutboxSlots.COUNT / 2);
            Set<Integer> ofB = b.rebalance().slots();
            assertThat(ofB)
                    .hasSize(OutboxSlots.COUNT / 2)
                    .doesNotContainAnyElementsOf(a.rebalance().slots());
            assertThat(a.mayPublish(Duration.ofSeconds(11)))
                    .as("never trusted beyond the TTL")
                    .isFalse();

            b.releaseAll();
            assertThat(a.rebalance().slots()).as("b left: a takes everything").hasSize(OutboxSlots.COUNT);
        }
    }

    private static HikariDataSource pool(TestDatabase db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.user());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(10);
        return ds;
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
