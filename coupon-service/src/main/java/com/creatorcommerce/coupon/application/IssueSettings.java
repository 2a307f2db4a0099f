package com.creatorcommerce.coupon.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code coupon.issue.*}.
 *
 * @param snapshotTtl how long a read of a coupon (validity, active flag, sold out) may serve issue requests of this
 *                    instance before it is read again; {@code 0} reads it on every request. It only decides early
 *                    refusals and the expiry of new user coupons: whether a coupon is issued is always decided by the
 *                    database's conditional update. An admin change made on another instance is seen after at most
 *                    this long (at once on this one).
 * @param maxAttempts attempts of one issue transaction when the database picks it as a deadlock victim
 * @param maxBatch requests for one coupon that wait together are issued in one transaction, at most this many
 *                 (see {@link IssueCouponService}); {@code 1} turns coalescing off: every request runs its own
 *                 transaction
 * @param queueTimeout how long a request may wait for its turn before it is answered "busy, retry"
 */
@ConfigurationProperties("coupon.issue")
public record IssueSettings(Duration snapshotTtl, Integer maxAttempts, Integer maxBatch, Duration queueTimeout) {

    public IssueSettings {
        snapshotTtl = snapshotTtl == null ? Duration.ofSeconds(1) : snapshotTtl;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        maxBatch = maxBatch == null ? 100 : maxBatch;
        queueTimeout = queueTimeout == null ? Duration.ofSeconds(5) : queueTimeout;
        if (snapshotTtl.isNegative()) {
            throw new IllegalArgumentException("coupon.issue.snapshot-ttl must not be negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("coupon.issue.max-attempts must be at least 1");
        }
        if (maxBatch < 1 || maxBatch > 1000) {
            throw new IllegalArgumentException("coupon.issue.max-batch must be between 1 and 1000");
        }
    }
}
