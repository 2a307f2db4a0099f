package com.creatorcommerce.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Two relays whose broker acknowledges slowly, each round taking longer than a lease TTL of the old design (which
 * renewed only between rounds, so the other relay took the partition over and sent the same rows again). Every
 * send is recorded with its relay: no row may be sent by two relays.
 */
class SlowBrokerLeasesIT {

    private static final Duration ACK_DELAY = Duration.ofMillis(900);
    private static final ExecutorService ACKS = Executors.newVirtualThreadPerTaskExecutor();
    private static final int KEYS = 24;
    private static final int PER_KEY = 10;

    @Test
    void noRowIsSentByTwoRelaysWhenAcksAreSlow() {
        String topic = "slow-acks-" + UUID.randomUUID();
        OutboxProperties props = new OutboxProperties(
                true,
                20,
                Duration.ofMillis(50),
                Duration.ofMillis(3_500),
                Duration.ofSeconds(1),
                Duration.ofMillis(50),
                Duration.ofMillis(500),
                null,
                null);
        Map<String, Set<String>> sentBy = new ConcurrentHashMap<>();
        try (RelayFixture f = new RelayFixture()) {
            OutboxRelay a = new OutboxRelay(
                    f.ds, slow(props, "a", sentBy), f.json, props, new SimpleMeterRegistry(), "relay-a");
            OutboxRelay b = new OutboxRelay(
                    f.ds, slow(props, "b", sentBy), f.json, props, new SimpleMeterRegistry(), "relay-b");
            a.start();
            b.start();
            try {
                Await.until(
                        "both relays hold slots",
                        Duration.ofSeconds(30),
                        () -> f.jdbc.queryForObject(
                                        "SELECT COUNT(DISTINCT owner) FROM outbox_partition_lease WHERE owner IS NOT NULL",
                                        Integer.class)
                                == 2);
                JdbcOutbox outbox = f.outbox(() -> {
                    a.wakeUp();
                    b.wakeUp();
                });
                for (int i = 0; i < PER_KEY; i++) {
                    for (int k = 0; k < KEYS; k++) {
                        f.append(outbox, topic, "key-" + k, Map.of("seq", i));
                    }
                }
                Await.until(
                        "every row published", Duration.ofSeconds(120), () -> f.count("PUBLISHED") == KEYS * PER_KEY);
            } finally {
                a.stop();
                b.stop();
            }
            assertThat(sentBy).hasSize(KEYS * PER_KEY);
            sentBy.forEach((id, relays) ->
                    assertThat(relays).as("relays that sent row " + id).hasSize(1));
            assertThat(f.count("FAILED")).isZero();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Real producers whose acks come {@link #ACK_DELAY} late (within the send timeout); records who sent what. */
    @SuppressWarnings("unchecked")
    private static Supplier<Producer<String, String>> slow(
            OutboxProperties props, String relay, Map<String, Set<String>> sentBy) {
        Supplier<Producer<String, String>> real = RelayFixture.producers(TestKafka.bootstrapServers(), props);
        return () -> {
            Producer<String, String> producer = real.get();
            return (Producer<String, String>) Proxy.newProxyInstance(
                    Producer.class.getClassLoader(), new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                        if (method.getName().equals("send")) {
                            ProducerRecord<String, String> record = (ProducerRecord<String, String>) args[0];
                            Callback callback = args.length > 1 ? (Callback) args[1] : null;
                            String id = new String(
                                    record.headers()
                                            .lastHeader(MessageHeaders.ID)
                                            .value(),
                                    StandardCharsets.UTF_8);
                            sentBy.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet())
                                    .add(relay);
                            CompletableFuture<RecordMetadata> late = new CompletableFuture<>();
                            producer.send(
                                    record,
                                    (metadata, error) -> ACKS.submit(() -> {
                                        sleep(ACK_DELAY);
                                        if (callback != null) {
                                            callback.onCompletion(metadata, error);
                                        }
                                        if (error == null) {
                                            late.complete(metadata);
                                        } else {
                                            late.completeExceptionally(error);
                                        }
                                    }));
                            return late;
                        }
                        try {
                            return method.invoke(producer, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
    }
}
