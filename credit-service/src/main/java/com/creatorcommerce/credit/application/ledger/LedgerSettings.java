package com.creatorcommerce.credit.application.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code credit.ledger.*}.
 *
 * @param maxBatch most entries of one wallet applied in one transaction (1 = one transaction per entry)
 * @param extraBatches batches a writer still applies after its own entry before it hands the wallet over
 * @param maxAttempts attempts of a wallet transaction that failed transiently (lock wait, deadlock, version conflict),
 *                    seed 000's 3
 * @param backoff the wait before attempt n+1 is {@code n x backoff}, seed 000's 10 ms
 */
@ConfigurationProperties("credit.ledger")
public record LedgerSettings(Integer maxBatch, Integer extraBatches, Integer maxAttempts, Duration backoff) {

    public LedgerSettings {
        maxBatch = maxBatch == null ? 200 : maxBatch;
        extraBatches = extraBatches == null ? 4 : extraBatches;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        backoff = backoff == null ? Duration.ofMillis(10) : backoff;
        if (maxBatch < 1 || extraBatches < 0 || maxAttempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException(
                    "credit.ledger: max-batch >= 1, extra-batches >= 0, max-attempts >= 1, " + "backoff >= 0");
        }
    }
}
