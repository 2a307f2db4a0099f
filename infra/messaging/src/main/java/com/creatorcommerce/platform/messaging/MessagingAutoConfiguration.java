package com.creatorcommerce.platform.messaging;

import com.creatorcommerce.platform.messaging.inbox.Inbox;
import com.creatorcommerce.platform.messaging.outbox.JdbcOutbox;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.messaging.outbox.OutboxProperties;
import com.creatorcommerce.platform.messaging.outbox.OutboxRelay;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.platform.snowflake.SnowflakeAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbox (+ relay), inbox, retention and dead-lettering for a service with a database and Kafka.
 * Tables come from this library's Flyway migration ({@code classpath:db/platform/messaging}).
 */
@AutoConfiguration(after = SnowflakeAutoConfiguration.class,
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({OutboxProperties.class, InboxProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

    public static final String FLYWAY_LOCATION = "classpath:db/platform/messaging";

    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    OutboxRelay outboxRelay(DataSource dataSource, KafkaProperties kafka, OutboxProperties props,
            ObjectProvider<JsonMapper> json, ObjectProvider<MeterRegistry> meters, Environment env) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName(env) + "-outbox-relay");
        return new OutboxRelay(dataSource,
                () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()),
                json.getIfAvailable(JsonMapper::new), props,
                meters.getIfAvailable(SimpleMeterRegistry::new), applicationName(env));
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(DataSource dataSource, IdGenerator ids, ObjectProvider<JsonMapper> json, OutboxProperties props,
            ObjectProvider<OutboxRelay> relay, Environment env) {
        OutboxRelay r = props.enabled() ? relay.getIfAvailable() : null;
        Runnable wakeUp = r == null ? () -> { } : r::wakeUp;
        return new JdbcOutbox(dataSource, ids, json.getIfAvailable(JsonMapper::new), "/" + applicationName(env),
                props.partitions(), wakeUp);
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new Inbox(dataSource, transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingMaintenance messagingMaintenance(DataSource dataSource, OutboxProperties outbox, InboxProperties inbox) {
        return new MessagingMaintenance(dataSource, outbox.retention(), inbox.retention(), Duration.ofMinutes(10));
    }

    /**
     * Listener failures: redelivered with exponential backoff, then published to {@code <topic>.DLT} with the
     * error in {@code kafka_dlt-exception-*} headers. Malformed messages go there at once.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(KafkaOperations.class)
    CommonErrorHandler deadLetteringErrorHandler(KafkaOperations<?, ?> template, InboxProperties props) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + ".DLT", -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(props.maxAttempts() - 1);
        backOff.setInitialInterval(props.retryBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedMessageException.class);
        return handler;
    }

    static String applicationName(Environment env) {
        return env.getProperty("spring.application.name", "application");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
    static class MessagingFlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer messagingFlywayLocation() {
            return flyway -> flyway.locations(
                    SnowflakeAutoConfiguration.withLocation(flyway.getLocations(), FLYWAY_LOCATION));
        }
    }
}
