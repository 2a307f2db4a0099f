package com.creatorcommerce.platform.messaging.ops;

import static com.creatorcommerce.platform.messaging.ops.DeadLetters.EXCEPTION_MESSAGE;
import static com.creatorcommerce.platform.messaging.ops.DeadLetters.ORIGINAL_TOPIC;
import static com.creatorcommerce.platform.messaging.ops.DeadLetters.TIMEOUT;

import com.creatorcommerce.platform.messaging.ListenerErrorHandling;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.messaging.ops.DeadLetters.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/** Reads dead-letter topics with a short-lived consumer each time (no group, assigned partitions, bounded waits). */
final class DeadLetterReader {

    private final Supplier<Consumer<String, String>> consumers;

    DeadLetterReader(Supplier<Consumer<String, String>> consumers) {
        this.consumers = consumers;
    }

    /** Up to {@code limit} messages of the {@code wanted} DLTs, oldest first per partition. */
    List<DeadLetter> list(Collection<String> wanted, int limit) {
        List<DeadLetter> found = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.get()) {
            for (String topic : wanted) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    continue;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (found.size() < limit && !reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        if (found.size() < limit) {
                            found.add(toDeadLetter(r));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The record at {@code (dltTopic, partition, offset)}, if it is still there. */
    Optional<ConsumerRecord<String, String>> fetch(String dltTopic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(dltTopic, partition);
        try (Consumer<String, String> consumer = consumers.get()) {
            if (consumer.partitionsFor(dltTopic, TIMEOUT).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
            long start = consumer.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(r);
                    }
                    if (r.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            throw new IllegalStateException("Timed out reading " + dltTopic + "-" + partition + "@" + offset);
        }
    }

    private static boolean reachedEnd(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
    }

    static DeadLetter toDeadLetter(ConsumerRecord<String, String> r) {
        String original = header(r, ORIGINAL_TOPIC);
        if (original == null) {
            original = r.topic().substring(0, r.topic().length() - ListenerErrorHandling.DLT_SUFFIX.length());
        }
        return new DeadLetter(
                r.topic(),
                r.partition(),
                r.offset(),
                original,
                r.key(),
                header(r, MessageHeaders.ID),
                header(r, MessageHeaders.TYPE),
                header(r, EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(r.timestamp()),
                r.value());
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
