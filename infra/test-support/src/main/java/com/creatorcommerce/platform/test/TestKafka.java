package com.creatorcommerce.platform.test;

import com.creatorcommerce.platform.kafka.LocalKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The real Kafka broker tests use, one per JVM: a Testcontainers {@code apache/kafka} container where a Docker
 * engine exists, otherwise an in-process KRaft broker bound to 127.0.0.1 ({@link LocalKafkaBroker}).
 * {@code SUITE_TEST_KAFKA} (bootstrap servers) points tests at an existing broker instead.
 */
public final class TestKafka {

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static volatile String bootstrapServers;

    private TestKafka() {}

    public static String bootstrapServers() {
        if (bootstrapServers == null) {
            synchronized (TestKafka.class) {
                if (bootstrapServers == null) {
                    bootstrapServers = start();
                }
            }
        }
        return bootstrapServers;
    }

    private static String start() {
        String existing = System.getenv("SUITE_TEST_KAFKA");
        if (existing != null && !existing.isBlank()) {
            return existing;
        }
        if (DockerProbe.available()) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            kafka.start();
            return kafka.getBootstrapServers();
        }
        try {
            Path dir = Files.createTempDirectory("test-kafka-");
            long started = System.nanoTime();
            LocalKafkaBroker broker = LocalKafkaBroker.start(
                    dir, 0, 0, Map.of("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE)));
            log.info(
                    "Started loopback KRaft broker at {} in {} ms",
                    broker.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                broker.close();
                                deleteQuietly(dir);
                            },
                            "test-kafka-shutdown"));
            return broker.bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir; the OS cleans it eventually
        }
    }
}
