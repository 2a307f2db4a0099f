package com.creatorcommerce.platform.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SnowflakeAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    SnowflakeAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class));

    @Test
    void aFixedWorkerIdIsHealthySnowflakeWithoutALease() {
        context.withPropertyValues("platform.snowflake.worker-id=5").run(ctx -> {
            assertThat(ctx).hasSingleBean(SnowflakeHealthIndicator.class);
            HealthIndicator snowflake = (HealthIndicator)
                    ctx.getBean(HealthContributorRegistry.class).getContributor("snowflake");
            assertThat(snowflake).as("registered as 'snowflake'").isNotNull();
            assertThat(snowflake.health().getStatus()).isEqualTo(Status.UP);
            assertThat(snowflake.health().getDetails()).containsEntry("workerId", 5);
        });
    }

    @Test
    void aReadinessGroupCanIncludeSnowflake() {
        // what platform-service-defaults.yml does; Boot refuses to start if a group names a missing contributor
        context.withPropertyValues(
                        "platform.snowflake.worker-id=5",
                        "management.endpoint.health.group.readiness.include=snowflake")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(HealthEndpoint.class)
                                    .healthForPath("readiness")
                                    .getStatus())
                            .isEqualTo(Status.UP);
                });
    }
}
