package com.creatorcommerce.platform.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code platform-service-defaults.yml} as the lowest-precedence property source of every domain service:
 * the conventions all five share (own schema and DB user, Flyway with validate, Kafka, actuator probes, graceful
 * shutdown). A service's own {@code application.yml}, profiles, environment variables and system properties all
 * override it.
 */
public class PlatformServiceDefaults implements EnvironmentPostProcessor, Ordered {

    static final String RESOURCE = "platform-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains("platformServiceDefaults")) {
            return;
        }
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("platformServiceDefaults",
                    new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
