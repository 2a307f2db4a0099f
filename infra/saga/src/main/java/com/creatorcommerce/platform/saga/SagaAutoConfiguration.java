package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.messaging.MessagingAutoConfiguration;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.platform.snowflake.SnowflakeAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sagas for a service with a database and messaging. The tables come with this library's Flyway migration
 * ({@code classpath:db/platform/saga}, ADR 5) in every such service; the engine, the deadline sweeper, the ops
 * backend and the meters exist once the service declares at least one {@link SagaDefinition} bean.
 */
@AutoConfiguration(
        after = {SnowflakeAutoConfiguration.class, MessagingAutoConfiguration.class},
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(SagaProperties.class)
public class SagaAutoConfiguration {

    public static final String FLYWAY_LOCATION = "classpath:db/platform/saga";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({SagaDefinition.class, Outbox.class, Inbox.class, IdGenerator.class})
    static class SagaEngineConfiguration {

        @Bean
        @ConditionalOnMissingBean
        @DependsOnDatabaseInitialization
        SagaMetrics sagaMetrics(
                ObjectProvider<MeterRegistry> meters,
                DataSource dataSource,
                List<SagaDefinition<?>> definitions,
                SagaProperties props) {
            return new SagaMetrics(
                    meters.getIfAvailable(SimpleMeterRegistry::new),
                    new SagaQueries(dataSource),
                    definitions.stream().map(SagaDefinition::type).collect(Collectors.toSet()),
                    props.metricsInterval());
        }

        @Bean
        @ConditionalOnMissingBean
        SagaTransitions sagaTransitions(
                List<SagaDefinition<?>> definitions,
                DataSource dataSource,
                Outbox outbox,
                ObjectProvider<JsonMapper> json,
                SagaMetrics metrics) {
            return new SagaTransitions(
                    definitions, new SagaStore(dataSource), outbox, json.getIfAvailable(JsonMapper::new), metrics);
        }

        @Bean
        @ConditionalOnMissingBean
        SagaEngine sagaEngine(SagaTransitions transitions, Inbox inbox, IdGenerator ids) {
            return new SagaEngine(transitions, inbox, ids);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(name = "platform.saga.sweep-enabled", matchIfMissing = true)
        @DependsOnDatabaseInitialization
        SagaDeadlineSweeper sagaDeadlineSweeper(
                SagaTransitions transitions,
                DataSource dataSource,
                PlatformTransactionManager transactionManager,
                SagaProperties props) {
            return new SagaDeadlineSweeper(
                    transitions,
                    new SagaStore(dataSource),
                    transactionManager,
                    props.sweepInterval(),
                    props.sweepBatchSize(),
                    props.sweepErrorBackoff());
        }

        @Bean
        @ConditionalOnMissingBean
        SagaOps sagaOps(
                DataSource dataSource, SagaTransitions transitions, PlatformTransactionManager transactionManager) {
            return new SagaOps(new SagaQueries(dataSource), new SagaStore(dataSource), transitions, transactionManager);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
    static class SagaFlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer sagaFlywayLocation() {
            return flyway ->
                    flyway.locations(SnowflakeAutoConfiguration.withLocation(flyway.getLocations(), FLYWAY_LOCATION));
        }
    }
}
