package com.creatorcommerce.platform.snowflake;

import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's {@link IdGenerator}: a fixed worker id when {@code platform.snowflake.worker-id} is set, otherwise
 * one leased from the service's own database (table created by this library's Flyway migration). With Spring Boot's
 * health support on the classpath, also the {@code snowflake} health indicator ({@link SnowflakeHealthIndicator}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(SnowflakeProperties.class)
public class SnowflakeAutoConfiguration {

    public static final String FLYWAY_LOCATION = "classpath:db/platform/snowflake";

    /** A leased generator is {@link AutoCloseable}: Spring closes it on shutdown, releasing the worker id. */
    @Bean
    @ConditionalOnMissingBean(IdGenerator.class)
    @DependsOnDatabaseInitialization
    IdGenerator snowflakeIdGenerator(SnowflakeProperties props, ObjectProvider<DataSource> dataSource) {
        if (props.workerId() != null) {
            return new Snowflake(props.workerId(), TimeSource.SYSTEM, props.quietDrift(), props.maxBackwardWait(), 0);
        }
        DataSource ds = dataSource.getIfAvailable();
        if (ds == null) {
            throw new IllegalStateException(
                    "No DataSource to lease a Snowflake worker id from: set platform.snowflake.worker-id");
        }
        return new LeasedSnowflake(
                new JdbcWorkerIdLeasing(ds),
                TimeSource.SYSTEM,
                props.leaseTtl(),
                props.quietDrift(),
                props.maxBackwardWait());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class SnowflakeHealthConfiguration {

        /** Named {@code snowflake} in health (the bean name minus {@code HealthIndicator}). */
        @Bean
        @ConditionalOnEnabledHealthIndicator("snowflake")
        SnowflakeHealthIndicator snowflakeHealthIndicator(IdGenerator ids) {
            return new SnowflakeHealthIndicator(ids);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
    static class SnowflakeFlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer snowflakeFlywayLocation() {
            return flyway -> flyway.locations(withLocation(flyway.getLocations(), FLYWAY_LOCATION));
        }
    }

    /** The configured Flyway locations plus {@code extra} (for libraries that ship their own tables). */
    public static Location[] withLocation(Location[] configured, String extra) {
        return Stream.concat(Arrays.stream(configured), Stream.of(new Location(extra)))
                .distinct()
                .toArray(Location[]::new);
    }
}
