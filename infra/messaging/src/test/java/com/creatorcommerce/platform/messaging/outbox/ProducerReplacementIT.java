package com.creatorcommerce.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

/** A producer that became unusable (here: closed under the relay) is replaced once, and the rows are delivered. */
class ProducerReplacementIT {

    @Test
    void aClosedProducerIsReplacedAndEveryRowIsPublished() {
        String topic = "replaced-" + UUID.randomUUID();
        OutboxProperties props = new OutboxProperties(
                true,
                50,
                Duration.ofMillis(50),
                Duration.ofMillis(3_500),
                Duration.ofSeconds(1),
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                null,
                null);
        Supplier<Producer<String, String>> real = RelayFixture.producers(TestKafka.bootstrapServers(), props);
        AtomicInteger created = new AtomicInteger();
        Supplier<Producer<String, String>> firstOneBroken = () -> {
            Producer<String, String> p = real.get();
            if (created.getAndIncrement() == 0) {
                p.close(Duration.ZERO); // every send now throws IllegalStateException
            }
            return p;
        };
        try (RelayFixture f = new RelayFixture()) {
            OutboxRelay relay =
                    new OutboxRelay(f.ds, firstOneBroken, f.json, props, new SimpleMeterRegistry(), "relay");
            relay.start();
            try {
                JdbcOutbox outbox = f.outbox(relay::wakeUp);
                for (int i = 0; i < 20; i++) {
                    f.append(outbox, topic, "key-" + i, Map.of("seq", i));
                }
                Await.until("every row published", Duration.ofSeconds(30), () -> f.count("PUBLISHED") == 20);
            } finally {
                relay.stop();
            }
            assertThat(created.get())
                    .as("the broken producer was replaced, once")
                    .isEqualTo(2);
            assertThat(f.count("FAILED")).isZero();
        }
    }
}
