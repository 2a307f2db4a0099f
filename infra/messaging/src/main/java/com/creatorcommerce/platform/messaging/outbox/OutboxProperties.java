package com.creatorcommerce.platform.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.outbox.*}.
 *
 * @param enabled run the relay in this instance
 * @param partitions outbox partitions (a key always maps to one); each is published by one relay instance at a time
 * @param batchSize rows read per partition per round
 * @param pollInterval fallback polling when no commit woke the relay (other instances' rows, retries)
 * @param leaseTtl partition lease duration; a crashed instance's partitions move after this
 * @param maxAttempts publish attempts before a row is parked as FAILED (and stops blocking its partition)
 * @param initialBackoff first retry delay, doubled per attempt up to {@code maxBackoff}
 * @param maxBackoff retry delay cap
 * @param retention published rows are purged after this
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(Boolean enabled, Integer partitions, Integer batchSize, Duration pollInterval,
        Duration leaseTtl, Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration retention) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        partitions = partitions == null ? 8 : partitions;
        batchSize = batchSize == null ? 200 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(10) : leaseTtl;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
        retention = retention == null ? Duration.ofDays(7) : retention;
        if (partitions < 1 || partitions > 1024) {
            throw new IllegalArgumentException("platform.outbox.partitions must be in [1, 1024]");
        }
    }

    public static OutboxProperties defaults() {
        return new OutboxProperties(null, null, null, null, null, null, null, null, null);
    }
}
