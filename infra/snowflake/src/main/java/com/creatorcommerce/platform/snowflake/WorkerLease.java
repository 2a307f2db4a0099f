package com.creatorcommerce.platform.snowflake;

/**
 * A worker id held by this instance.
 *
 * @param workerId the leased worker id
 * @param notBeforeEpochMillis the previous owner may have generated ids up to this instant: ours start after it
 * @param leasedUntilEpochMillis the lease's end as the database recorded it (database clock); a later holder of
 *        this worker id starts after it
 */
public record WorkerLease(int workerId, long notBeforeEpochMillis, long leasedUntilEpochMillis) {

    /** The same lease, extended to {@code leasedUntil}. */
    public WorkerLease renewedUntil(long leasedUntil) {
        return new WorkerLease(workerId, notBeforeEpochMillis, leasedUntil);
    }
}
