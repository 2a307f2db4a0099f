package com.creatorcommerce.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.snowflake.Snowflake;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestKafka;
import com.creatorcommerce.platform.test.TopicRecorder;
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
import org.junit.jupiter.api.Test;

/**
 * The hand-off after commit (ADR 15): rows committed by this instance go to Kafka from the committing thread, without
 * a relay round, but never ahead of an older row of their slot that is still pending (appended by another instance,
 * or left to a round), and never twice while a round runs at the same time. The relay polls only once a minute here,
 * so anything that waited for a poll would miss the test's waits.
 */
class HandOffIT {

    private static final OutboxProperties PROPS = new OutboxProperties(
            true, 200, Duration.ofMinutes(1), Duration.ofMillis(3_500), Duration.ofSeconds(1), null, null, null, true);

    @Test
    void rowsCommittedHereAreSentByTheHandOffWithoutARound() {
        String topic = "hand-off-" + UUID.randomUUID();
        try (RelayFixture f = new RelayFixture();
                TopicRecorder recorder = TopicRecorder.of(topic)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay relay = started(f, meters);
            try {
                JdbcOutbox outbox = new JdbcOutbox(f.ds, new Snowflake(1), f.json, "/test", relay);
                for (int i = 0; i < 20; i++) {
                    f.append(outbox, topic, "order-" + i, Map.of("seq", i));
                }
                recorder.await(r -> true, 20, Duration.ofSeconds(30));
                Await.until("all marked published", Duration.ofSeconds(30), () -> f.count("PUBLISHED") == 20);
                assertThat(handOffs(meters, "sent")).isEqualTo(20);
                assertThat(handOffs(meters, "left")).isZero();
            } finally {
                relay.stop();
            }
        }
    }

    @Test
    void aHandOffNeverOvertakesAnOlderPendingRowOfItsKeyAppendedByAnotherInstance() {
        String topic = "hand-off-order-" + UUID.randomUUID();
        try (RelayFixture f = new RelayFixture();
                TopicRecorder recorder = TopicRecorder.of(topic)) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay relay = started(f, meters);
            try {
                JdbcOutbox otherInstance = f.outbox(() -> {}); // appends only; its rows wait for our poll
                JdbcOutbox here = new JdbcOutbox(f.ds, new Snowflake(2), f.json, "/test", relay);
                f.append(otherInstance, topic, "wallet-7", Map.of("seq", 1));
                f.append(here, topic, "wallet-7", Map.of("seq", 2));

                List<ConsumerRecord<String, String>> got = recorder.await(r -> true, 2, Duration.ofSeconds(30));
                assertThat(got).extracting(ConsumerRecord::value).containsExactly("{\"seq\":1}", "{\"seq\":2}");
                assertThat(handOffs(meters, "sent")).isZero();
                assertThat(handOffs(meters, "left")).isEqualTo(1);
            } finally {
                relay.stop();
            }
        }
    }

    @Test
    void concurrentWritersOnHotKeysGetEveryRowOnceInCommitOrderPerKey() throws Exception {
        String topic = "hand-off-hot-" + UUID.randomUUID();
        int writers = 8;
        int perWriter = 100;
        int keys = 5;
        try (RelayFixture f = new RelayFixture();
                TopicRecorder recorder = TopicRecorder.of(topic)) {
            f.jdbc.execute("CREATE TABLE key_seq (k VARCHAR(20) PRIMARY KEY, seq INT NOT NULL)");
            for (int k = 0; k < keys; k++) {
                f.jdbc.update("INSERT INTO key_seq VALUES (?, 0)", "key-" + k);
            }
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay relay = started(f, meters);
            try {
                JdbcOutbox outbox = new JdbcOutbox(f.ds, new Snowflake(3), f.json, "/test", relay);
                List<Future<?>> done = new ArrayList<>();
                try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
                    for (int w = 0; w < writers; w++) {
                        int writer = w;
                        done.add(pool.submit(() -> {
                            for (int i = 0; i < perWriter; i++) {
                                String key = "key-" + (writer + i) % keys;
                                f.tx.executeWithoutResult(
                                        s -> { // the row lock orders the key's events
                                            f.jdbc.update("UPDATE key_seq SET seq = seq + 1 WHERE k = ?", key);
                                            int seq = f.jdbc.queryForObject(
                                                    "SELECT seq FROM key_seq WHERE k = ?", Integer.class, key);
                                            outbox.append(OutboundMessage.of(
                                                    topic, key, "test.sequenced.v1", Map.of("seq", seq)));
                                        });
                            }
                        }));
                    }
                    for (Future<?> d : done) {
                        d.get();
                    }
                }
                int total = writers * perWriter;
                List<ConsumerRecord<String, String>> got = recorder.await(r -> true, total, Duration.ofSeconds(60));
                Await.until("all marked published", Duration.ofSeconds(30), () -> f.count("PUBLISHED") == total);
                Map<String, List<Integer>> seqsByKey = new HashMap<>();
                Set<String> ids = new HashSet<>();
                for (ConsumerRecord<String, String> r : got) {
                    ids.add(TopicRecorder.header(r, "ce_id"));
                    seqsByKey
                            .computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(f.json.readTree(r.value()).get("seq").asInt());
                }
                assertThat(got).hasSize(total);
                assertThat(ids).hasSize(total); // none twice
                seqsByKey.forEach((key, seqs) -> {
                    for (int i = 0; i < seqs.size(); i++) {
                        assertThat(seqs.get(i)).as("event %d of %s", i, key).isEqualTo(i + 1);
                    }
                });
                assertThat(handOffs(meters, "sent")).isPositive();
            } finally {
                relay.stop();
            }
        }
    }

    private static OutboxRelay started(RelayFixture f, SimpleMeterRegistry meters) {
        OutboxRelay relay = new OutboxRelay(
                f.ds, RelayFixture.producers(TestKafka.bootstrapServers(), PROPS), f.json, PROPS, meters, "relay");
        relay.start();
        Await.until("the relay holds its slots and has run a round", Duration.ofSeconds(30), relay::caughtUp);
        return relay;
    }

    private static double handOffs(SimpleMeterRegistry meters, String result) {
        return meters.get("outbox.hand_off").tag("result", result).counter().count();
    }
}
