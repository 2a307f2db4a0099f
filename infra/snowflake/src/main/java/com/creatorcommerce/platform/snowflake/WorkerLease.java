package com.creatorcommerce.platform.snowflake;

/**
 * A worker id held by this instance.
 *
 * @param workerId the leased worker id
 * @param notBeforeEpochMillis the previous owner may have generated ids up to this instant: ours start after it
 */
public record WorkerLease(int workerId, long notBeforeEpochMillis) {
}
