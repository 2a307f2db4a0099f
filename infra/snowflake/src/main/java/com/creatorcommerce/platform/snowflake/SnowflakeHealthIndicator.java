package com.creatorcommerce.platform.snowflake;

import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code snowflake} (part of the readiness group): DOWN while a leased generator holds no valid worker lease
 * (it refuses ids then, so every write of the service would fail), with the worker id, the end of the last proven
 * lease and the last renewal error; UP otherwise. A fixed worker id has no lease and is always UP.
 */
public class SnowflakeHealthIndicator implements HealthIndicator {

    private final IdGenerator ids;

    public SnowflakeHealthIndicator(IdGenerator ids) {
        this.ids = ids;
    }

    @Override
    public Health health() {
        if (ids instanceof LeasedSnowflake leased) {
            LeasedSnowflake.Status status = leased.status();
            Health.Builder health = status.valid() ? Health.up() : Health.down();
            health.withDetail("workerId", status.workerId())
                    .withDetail(
                            "validUntil",
                            Instant.ofEpochMilli(status.validUntilEpochMillis()).toString());
            if (status.lastError() != null) {
                health.withDetail("lastError", status.lastError());
            }
            return health.build();
        }
        if (ids instanceof Snowflake fixed) {
            return Health.up()
                    .withDetail("workerId", fixed.workerId())
                    .withDetail("lease", "none (fixed worker id)")
                    .build();
        }
        return Health.up().withDetail("generator", ids.getClass().getName()).build();
    }
}
