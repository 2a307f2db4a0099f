package com.creatorcommerce.platform.messaging;

import com.creatorcommerce.platform.messaging.inbox.Inbox;
import com.creatorcommerce.platform.messaging.ops.DeadLetterMonitor;
import com.creatorcommerce.platform.messaging.ops.DeadLetters;
import com.creatorcommerce.platform.messaging.ops.MessagingOps;
import com.creatorcommerce.platform.messaging.outbox.JdbcOutbox;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.messaging.outbox.OutboxProducers;
import com.creatorcommerce.platform.messaging.outbox.OutboxProperties;
import com.creatorcommerce.platform.messaging.outbox.OutboxRelay;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore;
import com.creatorcommerce.platform.messaging.tracing.MicrometerMessageTracing;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.platform.snowflake.SnowflakeAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox (+ relay), inbox, retention and dead-lettering for a service with a database and Kafka.
 * Tables come from this library's Flyway migration ({@code classpath:db/platform/messaging}).
 */
@AutoConfiguration(
        after = SnowflakeAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({OutboxProperties.class, InboxProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

    public static final String FLYWAY_LOCATION = "classpath:db/platform/messaging";

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "platform.outbox.enabled", matchIfMissing = true)
    @DependsOnDatabaseInitialization
    OutboxRelay outboxRelay(
            DataSource dataSource,
            KafkaProperties kafka,
            OutboxProperties props,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<MeterRegistry> meters,
            MessageTracing tracing,
            Environment env) {
        Map<String, Object> config =
                OutboxProducers.config(kafka.buildProducerProperties(), props, applicationName(env) + "-outbox-relay");
        OutboxRelay relay = new OutboxRelay(
                dataSource,
                OutboxProducers.factory(config),
                json.getIfAvailable(JsonMapper::new),
                props,
                meters.getIfAvailable(SimpleMeterRegistry::new),
                applicationName(env));
        relay.useTracing(tracing);
        return relay;
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(
            DataSource dataSource,
            IdGenerator ids,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<OutboxRelay> relay,
            MessageTracing tracing,
            Environment env) {
        JdbcOutbox outbox = new JdbcOutbox(
                dataSource,
                ids,
                json.getIfAvailable(JsonMapper::new),
                "/" + applicationName(env),
                relay.getIfAvailable());
        outbox.useTracing(tracing);
        return outbox;
    }

    /**
     * The trace context of outbox rows, relay sends and inbox handlers: spans of the application's tracer when it
     * has one (the service starter's OpenTelemetry bridge), otherwise trace ids only.
     */
    @Bean
    @ConditionalOnMissingBean
    MessageTracing messageTracing(ObjectProvider<Tracer> tracer) {
        Tracer t = tracer.getIfAvailable();
        return t == null || t == Tracer.NOOP ? MessageTracing.NONE : new MicrometerMessageTracing(t);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxStore outboxStore(DataSource dataSource) {
        return new OutboxStore(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(DataSource dataSource, PlatformTransactionManager transactionManager, MessageTracing tracing) {
        Inbox inbox = new Inbox(dataSource, transactionManager);
        inbox.useTracing(tracing);
        return inbox;
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingMaintenance messagingMaintenance(DataSource dataSource, OutboxProperties outbox, InboxProperties inbox) {
        return new MessagingMaintenance(dataSource, outbox.retention(), inbox.retention(), Duration.ofMinutes(10));
    }

    /** Listener failures: retried without limit unless the message itself is poison (ADR 10). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaOperations.class)
    CommonErrorHandler deadLetteringErrorHandler(
            KafkaOperations<?, ?> template, InboxProperties props, ObjectProvider<MeterRegistry> meters) {
        return ListenerErrorHandling.errorHandler(template, props, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({KafkaOperations.class, KafkaListenerEndpointRegistry.class})
    DeadLetters deadLetters(
            KafkaProperties kafka, KafkaOperations<String, String> template, KafkaListenerEndpointRegistry registry) {
        Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties());
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        return new DeadLetters(
                () -> Admin.create(admin),
                () -> new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer()),
                template,
                () -> consumedTopics(registry));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DeadLetters.class)
    MessagingOps messagingOps(DataSource dataSource, OutboxStore store, DeadLetters deadLetters) {
        return new MessagingOps(dataSource, store, deadLetters);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MessagingOps.class)
    DeadLetterMonitor deadLetterMonitor(
            DeadLetters deadLetters, MessagingOps ops, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetterMonitor(
                deadLetters, ops, meters.getIfAvailable(SimpleMeterRegistry::new), Duration.ofSeconds(30));
    }

    /** Every topic a listener container of this application consumes. */
    static Set<String> consumedTopics(KafkaListenerEndpointRegistry registry) {
        Set<String> topics = new TreeSet<>();
        for (MessageListenerContainer c : registry.getListenerContainers()) {
            String[] t = c.getContainerProperties().getTopics();
            if (t != null) {
                topics.addAll(Arrays.asList(t));
            }
        }
        return topics;
    }

    static String applicationName(Environment env) {
        return env.getProperty("spring.application.name", "application");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
    static class MessagingFlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer messagingFlywayLocation() {
            return flyway ->
                    flyway.locations(SnowflakeAutoConfiguration.withLocation(flyway.getLocations(), FLYWAY_LOCATION));
        }
    }
}
