package com.creatorcommerce.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.kafka.LocalKafkaBroker;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The broker is stopped for longer than the old design's parking window (12 attempts with back-off, a few seconds
 * with this test's back-off settings) while rows are appended. Transient failures never park: after the broker
 * returns, every row is published, in order per key, and none is FAILED.
 */
class BrokerOutageIT {

    private static final String TOPIC = "outage.events";
    private static final int KEYS = 4;
    private static final int BEFORE = 5;
    private static final int DURING = 15;

    @Test
    void rowsAppendedDuringABrokerOutageArePublishedInOrderAfterItAndNoneIsParked() throws Exception {
        Path dir = Files.createTempDirectory("outage-kafka-");
        int port = freePort();
        int controllerPort = freePort();
        OutboxProperties props = new OutboxProperties(
                true,
                50,
                Duration.ofMillis(50),
                Duration.ofMillis(3_500),
                Duration.ofSeconds(1),
                Duration.ofMillis(50),
                Duration.ofMillis(400),
                null,
                null);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LocalKafkaBroker broker = LocalKafkaBroker.start(dir, port, controllerPort, Map.of());
        String bootstrap = broker.bootstrapServers();
        try (RelayFixture f = new RelayFixture()) {
            OutboxRelay relay =
                    new OutboxRelay(f.ds, RelayFixture.producers(bootstrap, props), f.json, props, meters, "relay");
            relay.start();
            try {
                JdbcOutbox outbox = f.outbox(relay::wakeUp);
                for (int i = 0; i < BEFORE; i++) {
                    appendRound(f, outbox, i);
                }
                Await.until(
                        "rows before the outage published",
                        Duration.ofSeconds(60),
                        () -> f.count("PUBLISHED") == KEYS * BEFORE);

                broker.close();
                for (int i = BEFORE; i < BEFORE + DURING; i++) {
                    appendRound(f, outbox, i);
                    Thread.sleep(400);
                }
                Await.until(
                        "the relay reports a waiting slot",
                        Duration.ofSeconds(30),
                        () -> meters.get("outbox.waiting_slots").gauge().value() > 0);
                Await.until(
                        "more failed sends than the old parking budget",
                        Duration.ofSeconds(60),
                        () -> meters.get("outbox.publish.failures")
                                        .tag("kind", "transient")
                                        .counter()
                                        .count()
                                > 12);
                assertThat(f.count("FAILED"))
                        .as("nothing parked during the outage")
                        .isZero();
                assertThat(f.count("PENDING")).as("rows wait for the broker").isPositive();

                broker = LocalKafkaBroker.start(dir, port, controllerPort, Map.of());
                Await.until(
                        "every row published after the outage",
                        Duration.ofSeconds(120),
                        () -> f.count("PUBLISHED") == KEYS * (BEFORE + DURING));
                assertThat(f.count("FAILED")).isZero();
                Await.until(
                        "no slot waits any more",
                        Duration.ofSeconds(30),
                        () -> meters.get("outbox.waiting_slots").gauge().value() == 0);
            } finally {
                relay.stop();
            }

            try (TopicRecorder recorder = new TopicRecorder(bootstrap, TOPIC)) {
                List<ConsumerRecord<String, String>> records =
                        recorder.await(r -> true, KEYS * (BEFORE + DURING), Duration.ofSeconds(60));
                Map<String, Set<Integer>> firstSeen = new HashMap<>();
                Set<String> ids = new LinkedHashSet<>();
                for (ConsumerRecord<String, String> r : records) {
                    ids.add(TopicRecorder.header(r, MessageHeaders.ID));
                    int seq = f.json.readTree(r.value()).get("seq").asInt();
                    firstSeen
                            .computeIfAbsent(r.key(), k -> new LinkedHashSet<>())
                            .add(seq);
                }
                assertThat(ids).as("every row delivered").hasSize(KEYS * (BEFORE + DURING));
                firstSeen.forEach((key, seqs) -> assertThat(new ArrayList<>(seqs))
                        .as("order of " + key)
                        .isSorted()
                        .hasSize(BEFORE + DURING));
            }
        } finally {
            broker.close();
        }
    }

    private static void appendRound(RelayFixture f, JdbcOutbox outbox, int seq) {
        for (int k = 0; k < KEYS; k++) {
            f.append(outbox, TOPIC, "key-" + k, Map.of("seq", seq));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
