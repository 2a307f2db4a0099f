package com.creatorcommerce.platform.snowflake;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases Snowflake worker ids from the {@code snowflake_worker_lease} table of the service's own database, so that
 * every running instance of a service gets a distinct worker id without hand configuration.
 *
 * <p>The table holds one row per worker id (0..1023, created by the shipped migration). Acquiring is one atomic
 * {@code UPDATE ... ORDER BY leased_until LIMIT 1} on an expired row, so concurrent starters never get the same id.
 * The holder renews its lease by heartbeat; if a renewal fails (the lease was taken over after expiry) the holder
 * must stop generating. The row remembers when the previous lease ended so the next holder starts its timestamps
 * after it (no duplicate even if the new host's clock is behind).
 *
 * <p>Lease times are wall-clock milliseconds of the instances; hosts are assumed NTP-synchronised to well within
 * the lease TTL.
 */
public class JdbcWorkerIdLeasing {

    private final JdbcTemplate jdbc;
    private final TimeSource time;

    public JdbcWorkerIdLeasing(DataSource dataSource, TimeSource time) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.time = time;
    }

    /** Takes the worker id whose lease expired longest ago. */
    public WorkerLease acquire(String owner, Duration ttl) {
        long now = time.currentMillis();
        int updated = jdbc.update("""
                UPDATE snowflake_worker_lease
                   SET previous_leased_until = leased_until, owner = ?, leased_until = ?, heartbeat_at = ?
                 WHERE leased_until < ?
                 ORDER BY leased_until, worker_id
                 LIMIT 1""", owner, now + ttl.toMillis(), now, now);
        if (updated != 1) {
            throw new IllegalStateException("No free Snowflake worker id: all " + (Snowflake.MAX_WORKER_ID + 1)
                    + " are leased. Set platform.snowflake.worker-id or wait for expired leases.");
        }
        List<WorkerLease> leases = jdbc.query("""
                SELECT worker_id, previous_leased_until FROM snowflake_worker_lease WHERE owner = ?
                 ORDER BY heartbeat_at DESC LIMIT 1""",
                (rs, i) -> new WorkerLease(rs.getInt(1), rs.getLong(2)), owner);
        return leases.getFirst();
    }

    /** Extends the lease; false when it is no longer ours (expired and taken over). */
    public boolean renew(WorkerLease lease, String owner, Duration ttl) {
        long now = time.currentMillis();
        return jdbc.update("""
                UPDATE snowflake_worker_lease SET leased_until = ?, heartbeat_at = ?
                 WHERE worker_id = ? AND owner = ? AND leased_until >= ?""",
                now + ttl.toMillis(), now, lease.workerId(), owner, now) == 1;
    }

    /** Gives the id back; the next holder starts after {@code lastUsedEpochMillis}. */
    public void release(WorkerLease lease, String owner, long lastUsedEpochMillis) {
        jdbc.update("""
                UPDATE snowflake_worker_lease SET owner = NULL, leased_until = ?
                 WHERE worker_id = ? AND owner = ?""", lastUsedEpochMillis, lease.workerId(), owner);
    }
}
