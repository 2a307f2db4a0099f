package com.creatorcommerce.platform.messaging.outbox;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's Kafka producer: created at each start from the supplier, replaced after a fatal producer error, closed
 * at stop (a relay can be stopped and started again). Closing fails what the producer still holds: those rows come
 * back through their callbacks.
 */
final class RelayProducer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final Supplier<Producer<String, String>> producers;
    private volatile Producer<String, String> current;

    RelayProducer(Supplier<Producer<String, String>> producers) {
        this.producers = producers;
    }

    /** The producer to send with now; null while the relay is stopped. */
    Producer<String, String> current() {
        return current;
    }

    void open() {
        current = producers.get();
    }

    void replace() {
        log.warn("Replacing the outbox relay's Kafka producer after a fatal producer error");
        close();
        open();
    }

    void close() {
        Producer<String, String> p = current;
        current = null;
        if (p != null) {
            try {
                p.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("Closing the outbox producer failed: {}", e.toString());
            }
        }
    }
}
