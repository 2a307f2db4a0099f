package com.creatorcommerce.platform.messaging.ops;

import com.creatorcommerce.platform.messaging.ListenerErrorHandling;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The dead-letter topics ({@code <topic>.DLT}) of the topics a service consumes: declares them, measures their
 * depth, lists their messages and replays one into its original topic (the consumers' inbox makes a replay of an
 * already handled message harmless).
 */
public class DeadLetters implements AutoCloseable {

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One dead letter, as operators see it. */
    public record DeadLetter(
            String dltTopic,
            int partition,
            long offset,
            String originalTopic,
            String key,
            String messageId,
            String messageType,
            String error,
            Instant deadLetteredAt,
            String payload) {}

    private final Supplier<Admin> admins;
    /** One admin client for the monitor's periodic depth checks and the declarations (created on first use). */
    private Admin admin;

    private final DeadLetterReader reader;
    private final KafkaOperations<String, String> template;
    private final Supplier<Collection<String>> consumedTopics;

    public DeadLetters(
            Supplier<Admin> admins,
            Supplier<Consumer<String, String>> consumers,
            KafkaOperations<String, String> template,
            Supplier<Collection<String>> consumedTopics) {
        this.admins = admins;
        this.reader = new DeadLetterReader(consumers);
        this.template = template;
        this.consumedTopics = consumedTopics;
    }

    /** The DLT of every consumed topic. */
    public Set<String> topics() {
        Set<String> dlts = new TreeSet<>();
        for (String topic : consumedTopics.get()) {
            if (!topic.endsWith(ListenerErrorHandling.DLT_SUFFIX)) {
                dlts.add(topic + ListenerErrorHandling.DLT_SUFFIX);
            }
        }
        return dlts;
    }

    /** Creates the DLTs that do not exist (broker defaults for partitions and replication). */
    public void declare() {
        try {
            Admin admin = admin();
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<NewTopic> missing = topics().stream()
                    .filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, Optional.empty(), Optional.empty()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).values().values().forEach(f -> {
                    try {
                        f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException("Could not create a dead-letter topic", e.getCause());
                        }
                    } catch (InterruptedException | TimeoutException e) {
                        throw failed(e);
                    }
                });
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw failed(e);
        }
    }

    /** Messages in each DLT (end minus start offsets). */
    public Map<String, Long> depths() {
        Map<String, Long> depth = new HashMap<>();
        try {
            Admin admin = admin();
            Map<String, TopicDescription> described =
                    admin.describeTopics(topics()).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described
                    .values()
                    .forEach(d -> d.partitions().forEach(p -> {
                        earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
                        latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                    }));
            var start = admin.listOffsets(earliest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            var end = admin.listOffsets(latest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            end.forEach((tp, info) ->
                    depth.merge(tp.topic(), info.offset() - start.get(tp).offset(), Long::sum));
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw failed(e);
        }
        return depth;
    }

    /** Up to {@code limit} messages of {@code dltTopic} (every DLT when null), oldest first. */
    public List<DeadLetter> list(String dltTopic, int limit) {
        return reader.list(dltTopic == null ? topics() : List.of(dltTopic), limit);
    }

    /** The dead letter at {@code (topic, partition, offset)}, if it is still there. */
    public Optional<DeadLetter> find(String dltTopic, int partition, long offset) {
        return fetch(dltTopic, partition, offset).map(DeadLetterReader::toDeadLetter);
    }

    /** Sends the dead letter back to its original topic with its own key, payload and envelope headers. */
    public Optional<DeadLetter> replay(String dltTopic, int partition, long offset) {
        Optional<ConsumerRecord<String, String>> record = fetch(dltTopic, partition, offset);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord<String, String> r = record.get();
        DeadLetter letter = DeadLetterReader.toDeadLetter(r);
        ProducerRecord<String, String> again = new ProducerRecord<>(letter.originalTopic(), r.key(), r.value());
        for (Header h : r.headers()) {
            if (!h.key().startsWith(DLT_HEADER_PREFIX)) {
                again.headers().add(h);
            }
        }
        try {
            template.send(again).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw failed(e);
        }
        return Optional.of(letter);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = admins.get();
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    private Optional<ConsumerRecord<String, String>> fetch(String dltTopic, int partition, long offset) {
        return topics().contains(dltTopic) ? reader.fetch(dltTopic, partition, offset) : Optional.empty();
    }

    private static RuntimeException failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new IllegalStateException("Kafka did not answer: " + cause, cause);
    }
}
