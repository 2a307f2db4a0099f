package com.creatorcommerce.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records everything published to some topics (from the beginning), on a background thread, so that tests can
 * assert on what really went through the broker. Close it when done.
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    public TopicRecorder(String bootstrapServers, String... topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "recorder-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        1000),
                new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topics));
        poller = Thread.ofPlatform().daemon().name("topic-recorder").start(() -> {
            try (consumer) {
                while (running) {
                    consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                }
            }
        });
    }

    public static TopicRecorder of(String... topics) {
        return new TopicRecorder(TestKafka.bootstrapServers(), topics);
    }

    public List<ConsumerRecord<String, String>> records() {
        return new ArrayList<>(records);
    }

    public List<ConsumerRecord<String, String>> records(Predicate<ConsumerRecord<String, String>> filter) {
        return records.stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} records match, failing after {@code timeout}. */
    public List<ConsumerRecord<String, String>> await(
            Predicate<ConsumerRecord<String, String>> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> matching = records(filter);
            if (matching.size() >= count) {
                return matching;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("Expected " + count + " matching records within " + timeout + ", got "
                + records(filter).size() + " (of " + records.size() + " recorded)");
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
