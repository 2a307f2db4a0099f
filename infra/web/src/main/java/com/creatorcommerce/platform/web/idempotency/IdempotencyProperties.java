package com.creatorcommerce.platform.web.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code platform.web.idempotency.*}: the {@code Idempotency-Key} support for POST requests.
 *
 * @param enabled whether the filter is installed (the table is migrated either way)
 * @param retention how long a key is remembered; older rows are purged
 * @param staleAfter how long a key may stay IN_PROGRESS before another request with it may take it over (the first
 *        attempt is presumed dead: its instance crashed before it recorded the outcome)
 * @param purgeInterval how often expired keys are purged (zero or negative: never, e.g. when a job does it)
 * @param purgeBatchSize rows deleted per statement while purging
 * @param maxRequestSize largest request body accepted with a key (it is buffered to be hashed)
 * @param maxResponseSize largest response body recorded for replay; a larger one releases the key instead
 */
@ConfigurationProperties("platform.web.idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1m") Duration staleAfter,
        @DefaultValue("10m") Duration purgeInterval,
        @DefaultValue("1000") int purgeBatchSize,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("4MB") DataSize maxResponseSize) {

    public IdempotencyProperties {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("platform.web.idempotency.retention must be positive");
        }
        if (staleAfter == null || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("platform.web.idempotency.stale-after must be positive");
        }
        if (purgeBatchSize <= 0) {
            throw new IllegalArgumentException("platform.web.idempotency.purge-batch-size must be positive");
        }
        purgeInterval = purgeInterval == null ? Duration.ZERO : purgeInterval;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
        maxResponseSize = maxResponseSize == null ? DataSize.ofMegabytes(4) : maxResponseSize;
    }

    /** The defaults, for use outside Spring. */
    public static IdempotencyProperties defaults() {
        return new IdempotencyProperties(
                true,
                Duration.ofHours(24),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                1000,
                DataSize.ofMegabytes(1),
                DataSize.ofMegabytes(4));
    }
}
