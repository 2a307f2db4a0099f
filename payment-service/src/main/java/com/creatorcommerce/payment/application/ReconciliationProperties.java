package com.creatorcommerce.payment.application;

import com.creatorcommerce.payment.domain.CheckSchedule;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.payment.reconciliation.*}: the job that settles payments and cancellations left without a known
 * PG outcome (unknown after timeouts / 5xx / "already processing", a crash between recording and calling the PG, or a
 * failure for an unclear reason that is re-checked). Every such row carries its own next check time; the job takes the
 * rows due now, earliest first.
 *
 * @param enabled run the job on a schedule in this instance (it is always callable directly)
 * @param interval delay between two runs
 * @param minAge how long a row just created or sent to the PG is left alone (so that an in-flight call is not raced)
 * @param batchSize rows per run (each of payments and cancellations)
 * @param firstRetryDelay the wait after the first look that left the outcome unknown, doubled after each further one
 * @param maxRetryDelay the longest wait between two looks at one row
 * @param maxAttempts looks after which a row still unresolved is flagged for ops (metric + error log); it is still
 *                    looked at every {@code maxRetryDelay}
 */
@ConfigurationProperties("platform.payment.reconciliation")
public record ReconciliationProperties(
        Boolean enabled,
        Duration interval,
        Duration minAge,
        Integer batchSize,
        Duration firstRetryDelay,
        Duration maxRetryDelay,
        Integer maxAttempts) {

    public ReconciliationProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        minAge = minAge == null ? Duration.ofSeconds(30) : minAge;
        batchSize = batchSize == null ? 100 : batchSize;
        firstRetryDelay = firstRetryDelay == null ? Duration.ofSeconds(30) : firstRetryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofMinutes(30) : maxRetryDelay;
        maxAttempts = maxAttempts == null ? 12 : maxAttempts;
        if (batchSize < 1) {
            throw new IllegalArgumentException("platform.payment.reconciliation.batch-size must be positive");
        }
    }

    public CheckSchedule schedule() {
        return new CheckSchedule(minAge, firstRetryDelay, maxRetryDelay, maxAttempts);
    }
}
