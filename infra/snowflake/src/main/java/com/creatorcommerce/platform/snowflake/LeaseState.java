package com.creatorcommerce.platform.snowflake;

/**
 * What a {@link LeasedSnowflake} holds at one moment: the lease, the generator for its worker id and how long ids
 * may be handed out. Immutable; the heartbeat swaps it whole, so the hot path reads one volatile reference.
 */
final class LeaseState {

    final WorkerLease lease;
    final Snowflake snowflake;
    /** Local-clock end of the last proven lease: only ids whose timestamp is below it are handed out. */
    final long validUntil;
    /** False once the row was found to be someone else's (or released): no id is handed out at all. */
    final boolean held;
    /** The last renewal or re-acquisition failure, {@code null} after a success. */
    final String lastError;
    /** {@link #validUntil} while held, {@link Long#MIN_VALUE} otherwise: the one bound the hot path compares. */
    final long idsBefore;

    private LeaseState(WorkerLease lease, Snowflake snowflake, long validUntil, boolean held, String lastError) {
        this.lease = lease;
        this.snowflake = snowflake;
        this.validUntil = validUntil;
        this.held = held;
        this.lastError = lastError;
        this.idsBefore = held ? validUntil : Long.MIN_VALUE;
    }

    static LeaseState held(WorkerLease lease, Snowflake snowflake, long validUntil) {
        return new LeaseState(lease, snowflake, validUntil, true, null);
    }

    LeaseState renewed(WorkerLease renewed, long until) {
        return new LeaseState(renewed, snowflake, until, true, null);
    }

    /** An attempt failed; what was proven before still holds until {@link #validUntil}. */
    LeaseState failed(String error) {
        return new LeaseState(lease, snowflake, validUntil, held, error);
    }

    /** The row is no longer ours: stop handing out ids at once. */
    LeaseState lost(String error) {
        return new LeaseState(lease, snowflake, validUntil, false, error);
    }

    /**
     * The highest timestamp an id handed out under this state (or an earlier one of the same generator) can carry:
     * below the last lease end the database recorded, and never above what the generator actually used.
     */
    long issuedUpTo() {
        return Math.min(snowflake.lastTimestampMillis(), lease.leasedUntilEpochMillis());
    }
}
