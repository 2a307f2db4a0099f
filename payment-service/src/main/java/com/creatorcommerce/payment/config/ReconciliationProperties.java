package com.creatorcommerce.payment.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.payment.reconciliation.*}: the job that settles payments and cancellations left without a known
 * PG outcome (unknown after timeouts / 5xx, or a crash between recording and calling the PG).
 *
 * @param enabled run the job on a schedule in this instance (it is always callable directly)
 * @param interval delay between two runs
 * @param minAge only rows not looked at for this long (so that an in-flight call is not raced)
 * @param batchSize rows per run
 */
@ConfigurationProperties("platform.payment.reconciliation")
public record ReconciliationProperties(Boolean enabled, Duration interval, Duration minAge, Integer batchSize) {

    public ReconciliationProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        minAge = minAge == null ? Duration.ofSeconds(30) : minAge;
        batchSize = batchSize == null ? 100 : batchSize;
    }
}
