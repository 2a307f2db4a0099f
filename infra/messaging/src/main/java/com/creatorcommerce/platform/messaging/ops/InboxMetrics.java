package com.creatorcommerce.platform.messaging.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code messaging.inbox.depth{group, topic}}: messages waiting in the inbox of this application, i.e. on a topic
 * one of its listeners consumes, not yet handled and committed by that listener's consumer group. Per topic, the sum
 * over its partitions of the log end offset minus the group's committed offset (a partition the group never
 * committed counts from its earliest offset, where {@code auto-offset-reset: earliest} starts). It grows when a
 * handler is slow, failing and retried (ADR 10), or its service is down; it includes a batch being handled.
 *
 * <p>Read with the Kafka admin client every {@code interval}; while the broker cannot answer, the last values stay.
 */
public class InboxMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxMetrics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One gauge: a consumer group and a topic it consumes. */
    record GroupTopic(String group, String topic) {}

    private final Supplier<Admin> admins;
    private final Supplier<Map<String, Set<String>>> topicsByGroup;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Map<GroupTopic, Long> depths = new ConcurrentHashMap<>();
    private Admin admin;
    private ScheduledExecutorService scheduler;

    /**
     * @param topicsByGroup the consumer groups of this application's listeners and the topics each consumes (read at
     *                      every refresh)
     */
    public InboxMetrics(
            Supplier<Admin> admins,
            Supplier<Map<String, Set<String>>> topicsByGroup,
            MeterRegistry meters,
            Duration interval) {
        this.admins = admins;
        this.topicsByGroup = topicsByGroup;
        this.meters = meters;
        this.interval = interval;
    }

    /** Reads the offsets now and publishes the depths; false (the last values kept) when the broker did not answer. */
    public boolean refresh() {
        Map<String, Set<String>> groups = topicsByGroup.get();
        Set<String> topics = new HashSet<>();
        groups.values().forEach(topics::addAll);
        if (topics.isEmpty()) {
            return true;
        }
        try {
            Admin a = admin();
            // a topic not created yet (nothing sent to it so far) has no depth: the others are still measured
            Map<String, TopicDescription> described = new HashMap<>();
            for (var topic : a.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    described.put(topic.getKey(), topic.getValue().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    log.debug(
                            "No depth for {}: {}", topic.getKey(), e.getCause().toString());
                }
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described
                    .values()
                    .forEach(d -> d.partitions().forEach(p -> {
                        earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
                        latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                    }));
            Map<TopicPartition, ListOffsetsResultInfo> start =
                    a.listOffsets(earliest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> end =
                    a.listOffsets(latest).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                Map<String, Long> byTopic = new HashMap<>();
                group.getValue().stream().filter(described::containsKey).forEach(t -> byTopic.put(t, 0L));
                end.forEach((tp, info) -> {
                    if (!group.getValue().contains(tp.topic())) {
                        return;
                    }
                    OffsetAndMetadata c = committed.get(tp);
                    long from = c == null
                            ? start.get(tp).offset()
                            : Math.max(c.offset(), start.get(tp).offset());
                    byTopic.merge(tp.topic(), Math.max(0, info.offset() - from), Long::sum);
                });
                byTopic.forEach((topic, depth) -> publish(new GroupTopic(group.getKey(), topic), depth));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("Could not measure the inbox depth: {}", e.toString());
            return false;
        }
    }

    private void publish(GroupTopic key, long depth) {
        if (depths.put(key, depth) == null) {
            Gauge.builder("messaging.inbox.depth", depths, d -> d.getOrDefault(key, 0L))
                    .tags("group", key.group(), "topic", key.topic())
                    .description("messages on a consumed topic not yet handled by this application's consumer group")
                    .register(meters);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = admins.get();
        }
        return admin;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inbox-metrics");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
