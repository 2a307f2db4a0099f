package com.creatorcommerce.platform.web.idempotency;

import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} support: the {@code idempotency_key} table (a Flyway location added to the service's
 * own), the filter right after Spring Security's, and the purge of expired keys.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
        })
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    public static final String FLYWAY_LOCATION = "classpath:db/platform/web";
    /** Spring Security's filter chain order unless {@code spring.security.filter.order} says otherwise. */
    static final int DEFAULT_SECURITY_FILTER_ORDER = -100;

    /** The table is migrated whether or not the filter is enabled, so that the Flyway history never changes. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({Flyway.class, FlywayConfigurationCustomizer.class})
    static class IdempotencyFlywayConfiguration {

        @Bean
        FlywayConfigurationCustomizer idempotencyFlywayLocation() {
            return flyway -> flyway.locations(
                    Stream.concat(Arrays.stream(flyway.getLocations()), Stream.of(new Location(FLYWAY_LOCATION)))
                            .distinct()
                            .toArray(Location[]::new));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnBooleanProperty(name = "platform.web.idempotency.enabled", matchIfMissing = true)
    static class IdempotencyFilterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        JdbcIdempotencyStore idempotencyStore(DataSource dataSource) {
            return new JdbcIdempotencyStore(dataSource);
        }

        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(
                JdbcIdempotencyStore store,
                IdempotencyProperties properties,
                ObjectProvider<JsonMapper> jsonMapper,
                Environment environment) {
            IdempotencyFilter filter =
                    new IdempotencyFilter(store, properties, jsonMapper.getIfAvailable(JsonMapper::new));
            FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("idempotencyFilter");
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
            // after Spring Security's chain: the key belongs to the user of the verified token
            registration.setOrder(environment.getProperty(
                            "spring.security.filter.order", Integer.class, DEFAULT_SECURITY_FILTER_ORDER)
                    + 10);
            return registration;
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotencyPurger idempotencyPurger(JdbcIdempotencyStore store, IdempotencyProperties properties) {
            return new IdempotencyPurger(store, properties);
        }
    }
}
