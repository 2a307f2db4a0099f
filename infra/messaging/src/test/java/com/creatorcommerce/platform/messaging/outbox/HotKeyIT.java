package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Many rows of one key committed at once (one wake-up): the relay sends them one at a time (per-key order), and each
 * ack must start the next round. With a poll interval of a minute, a relay that waited for the next commit or poll
 * after each ack would not publish them within the test's wait.
 */
class HotKeyIT {

    private static final int ROWS = 60;

    @Test
    void theAckOfAHotKeysRowSendsItsNextRowWithoutWaitingForAPoll() {
        String topic = "hot-key-" + UUID.randomUUID();
        OutboxProperties props = new OutboxProperties(
                true,
                200,
                Duration.ofMinutes(1),
                Duration.ofMillis(3_500),
                Duration.ofSeconds(1),
                null,
                null,
                null,
                null);
        try (RelayFixture f = new RelayFixture()) {
            OutboxRelay relay = new OutboxRelay(
                    f.ds,
                    RelayFixture.producers(TestKafka.bootstrapServers(), props),
                    f.json,
                    props,
                    new SimpleMeterRegistry(),
                    "relay");
            relay.start();
            try {
                Await.until(
                        "the relay holds its slots",
                        Duration.ofSeconds(30),
                        () -> f.jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM outbox_partition_lease WHERE owner IS NOT NULL",
                                        Integer.class)
                                > 0);
                JdbcOutbox outbox = f.outbox(relay::wakeUp);
                f.tx.executeWithoutResult(s -> {
                    for (int i = 0; i < ROWS; i++) {
                        outbox.append(OutboundMessage.of(topic, "wallet-1", "test.sequenced.v1", Map.of("seq", i)));
                    }
                });
                Await.until(
                        "every row of the hot key published",
                        Duration.ofSeconds(30),
                        () -> f.count("PUBLISHED") == ROWS);
            } finally {
                relay.stop();
            }
        }
    }
}
