package com.creatorcommerce.platform.snowflake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.snowflake.*}: a fixed {@code worker-id} overrides leasing (useful for a single local instance);
 * otherwise a worker id is leased from the service's database.
 */
@ConfigurationProperties("platform.snowflake")
public record SnowflakeProperties(Integer workerId, Duration leaseTtl, Duration quietDrift, Duration maxBackwardWait) {

    public SnowflakeProperties {
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(60) : leaseTtl;
        quietDrift = quietDrift == null ? Snowflake.DEFAULT_QUIET_DRIFT : quietDrift;
        maxBackwardWait = maxBackwardWait == null ? Snowflake.DEFAULT_MAX_BACKWARD_WAIT : maxBackwardWait;
    }
}
