package com.creatorcommerce.platform.bench;

import com.creatorcommerce.platform.bench.OutboxLoadHarness.OrderPlaced;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a topic from the start (all partitions assigned, no consumer group) and records, for every event committed
 * inside the measurement window, the time from its {@code committedAtNanos} to the poll that returned it.
 */
final class LatencyConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json;
    private final long windowFrom;
    private final long windowUntil;
    private final Thread poller;
    private long[] latencies = new long[1 << 16];
    private volatile int delivered;
    private volatile long lastDeliveredAt;
    private volatile boolean running = true;

    LatencyConsumer(
            String bootstrapServers, String topic, int partitions, JsonMapper json, long windowFrom, long windowUntil) {
        this.json = json;
        this.windowFrom = windowFrom;
        this.windowUntil = windowUntil;
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> all = IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic, p))
                .toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        this.poller = Thread.ofPlatform().name("latency-consumer").daemon().start(this::run);
    }

    private void run() {
        try (consumer) {
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> record : records) {
                    long committedAt =
                            json.readValue(record.value(), OrderPlaced.class).committedAtNanos();
                    if (committedAt >= windowFrom && committedAt < windowUntil) {
                        record(now - committedAt, now);
                    }
                }
            }
        }
    }

    private void record(long latency, long now) {
        int n = delivered;
        if (n == latencies.length) {
            latencies = Arrays.copyOf(latencies, n * 2);
        }
        latencies[n] = latency;
        lastDeliveredAt = now;
        delivered = n + 1;
    }

    /** Waits until {@code count} windowed events arrived; false on timeout. */
    boolean await(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (delivered < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    int delivered() {
        return delivered;
    }

    long lastDeliveredAt() {
        return lastDeliveredAt;
    }

    /** Call after {@link #close()}. */
    long[] sortedLatencies() {
        long[] sorted = Arrays.copyOf(latencies, delivered);
        Arrays.sort(sorted);
        return sorted;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join();
    }
}
