package com.creatorcommerce.platform.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
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
    /** Extra defaults of the {@code dev} profile (HS256 dev tokens, as the gateway's dev token endpoint issues). */
    static final String DEV_RESOURCE = "platform-service-defaults-dev.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains("platformServiceDefaults")) {
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("dev"))) {
            load(environment, "platformServiceDevDefaults", DEV_RESOURCE);
        }
        load(environment, "platformServiceDefaults", RESOURCE);
    }

    private static void load(ConfigurableEnvironment environment, String name, String resource) {
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load(name, new ClassPathResource(resource));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
