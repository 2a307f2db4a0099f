package com.creatorcommerce.platform.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.saga.*}.
 *
 * @param sweepEnabled whether this instance sweeps expired deadlines (default true; every instance may)
 * @param sweepInterval pause between sweeps (default 1 s): a deadline is acted on at most this late
 * @param sweepBatchSize expired sagas read per batch (default 100)
 * @param sweepErrorBackoff how long a saga whose deadline transition failed waits before the next try (default 30 s)
 * @param metricsInterval how often {@code saga.instances} is recounted (default 30 s)
 */
@ConfigurationProperties("platform.saga")
public record SagaProperties(
        Boolean sweepEnabled,
        Duration sweepInterval,
        Integer sweepBatchSize,
        Duration sweepErrorBackoff,
        Duration metricsInterval) {

    public SagaProperties {
        sweepEnabled = sweepEnabled == null ? Boolean.TRUE : sweepEnabled;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
        sweepBatchSize = sweepBatchSize == null ? 100 : sweepBatchSize;
        sweepErrorBackoff = sweepErrorBackoff == null ? Duration.ofSeconds(30) : sweepErrorBackoff;
        metricsInterval = metricsInterval == null ? Duration.ofSeconds(30) : metricsInterval;
        if (sweepBatchSize < 1 || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("platform.saga.sweep-batch-size >= 1 and sweep-interval > 0 needed");
        }
    }
}
