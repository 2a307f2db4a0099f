package com.creatorcommerce.platform.messaging.ops;

import com.creatorcommerce.platform.messaging.MessagingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * {@link InboxMetrics} for a service whose inbox (outbox, inbox and dead letters: {@link MessagingAutoConfiguration})
 * is fed by Kafka listeners; off with {@code platform.inbox.metrics-enabled=false}.
 */
@AutoConfiguration(
        after = MessagingAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnBean({MessagingOps.class, KafkaListenerEndpointRegistry.class})
@ConditionalOnProperty(name = "platform.inbox.metrics-enabled", matchIfMissing = true)
public class InboxMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InboxMetrics inboxMetrics(
            KafkaProperties kafka, KafkaListenerEndpointRegistry registry, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties());
        return new InboxMetrics(
                () -> Admin.create(admin),
                () -> topicsByGroup(registry),
                meters.getIfAvailable(SimpleMeterRegistry::new),
                Duration.ofSeconds(15));
    }

    /** The consumer group of each listener container of this application and the topics it consumes. */
    static Map<String, Set<String>> topicsByGroup(KafkaListenerEndpointRegistry registry) {
        Map<String, Set<String>> groups = new TreeMap<>();
        for (MessageListenerContainer c : registry.getListenerContainers()) {
            String[] topics = c.getContainerProperties().getTopics();
            if (c.getGroupId() != null && topics != null) {
                groups.computeIfAbsent(c.getGroupId(), g -> new TreeSet<>()).addAll(Arrays.asList(topics));
            }
        }
        return groups;
    }
}
