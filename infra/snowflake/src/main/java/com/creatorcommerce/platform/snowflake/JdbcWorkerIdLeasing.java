package com.creatorcommerce.platform.snowflake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases Snowflake worker ids from the {@code snowflake_worker_lease} table of the service's own database, so that
 * every running instance of a service gets a distinct worker id without hand configuration.
 *
 * <p>The table holds one row per worker id (0..1023, created by the shipped migration). Acquiring is one atomic
 * {@code UPDATE ... ORDER BY leased_until LIMIT 1} on an expired row, so concurrent starters never get the same id.
 * The holder renews its lease by heartbeat; a renewal fails only once the row is no longer ours (taken over after
 * expiry, or released). The row remembers when the previous lease ended so the next holder starts its timestamps
 * after it (no duplicate even if the new host's clock is behind).
 *
 * <p><b>Clock.</b> Every lease time written or compared here is the <em>database server's</em> clock
 * ({@link #DB_NOW_MILLIS}, evaluated inside the SQL statement), never an instance's: whether a lease has expired is
 * decided by one clock, so skew between the instances' hosts cannot make two holders of one worker id. The holder
 * itself stays conservative on its own clock (see {@link LeasedSnowflake}): it hands out only ids whose timestamp is
 * below both {@code start of the renewal attempt + ttl} and the {@code leased_until} the database recorded, so every
 * id it issued lies below the {@code notBefore} of whoever takes the worker id over.
 */
public class JdbcWorkerIdLeasing {

    /**
     * The database server's current time in epoch milliseconds, portable across MySQL 8 and MariaDB 10.11. Built on
     * {@code UTC_TIMESTAMP(3)} and {@code TIMESTAMPDIFF}, which involve no time-zone conversion, unlike
     * {@code UNIX_TIMESTAMP(NOW(3))}, which is ambiguous for the repeated hour of a session zone's DST change.
     * Constant within one statement.
     */
    static final String DB_NOW_MILLIS =
            "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(3)) DIV 1000)";

    private static final String TAKE = """
            UPDATE snowflake_worker_lease
               SET previous_leased_until = leased_until, owner = ?, leased_until = %1$s + ?, heartbeat_at = %1$s
            """.formatted(DB_NOW_MILLIS);

    private final JdbcTemplate jdbc;

    public JdbcWorkerIdLeasing(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Takes the worker id whose lease expired longest ago. */
    public WorkerLease acquire(String owner, Duration ttl) {
        int updated = jdbc.update(
                TAKE + " WHERE leased_until < " + DB_NOW_MILLIS + " ORDER BY leased_until, worker_id LIMIT 1",
                owner,
                ttl.toMillis());
        if (updated != 1) {
            throw new IllegalStateException("No free Snowflake worker id: all " + (Snowflake.MAX_WORKER_ID + 1)
                    + " are leased. Set platform.snowflake.worker-id or wait for expired leases.");
        }
        List<WorkerLease> leases =
                jdbc.query("""
                SELECT worker_id, previous_leased_until, leased_until FROM snowflake_worker_lease WHERE owner = ?
                 ORDER BY heartbeat_at DESC, leased_until DESC LIMIT 1""", (rs, i) -> new WorkerLease(rs.getInt(1), rs.getLong(2), rs.getLong(3)), owner);
        return leases.getFirst();
    }

    /**
     * Takes {@code workerId} again if its lease has expired (whoever held it last), else any free worker id as
     * {@link #acquire} does. Either way the returned {@code notBefore} is the end of the row's previous lease.
     */
    public WorkerLease reacquire(String owner, int workerId, Duration ttl) {
        int updated = jdbc.update(
                TAKE + " WHERE worker_id = ? AND leased_until < " + DB_NOW_MILLIS, owner, ttl.toMillis(), workerId);
        if (updated != 1) {
            return acquire(owner, ttl);
        }
        return jdbc
                .query("""
                SELECT worker_id, previous_leased_until, leased_until FROM snowflake_worker_lease
                 WHERE worker_id = ? AND owner = ?""", (rs, i) -> new WorkerLease(rs.getInt(1), rs.getLong(2), rs.getLong(3)), workerId, owner)
                .stream()
                .findFirst()
                .orElseGet(() -> acquire(owner, ttl));
    }

    /**
     * Extends the lease to the database's now + {@code ttl}; empty when the row is no longer ours (taken over after
     * expiry, or released). A lease that expired but was not taken over is still ours and is renewed: nobody else
     * can have generated ids with it.
     */
    public Optional<WorkerLease> renew(WorkerLease lease, String owner, Duration ttl) {
        int updated = jdbc.update("""
                UPDATE snowflake_worker_lease SET leased_until = GREATEST(leased_until, %1$s + ?), heartbeat_at = %1$s
                 WHERE worker_id = ? AND owner = ?""".formatted(DB_NOW_MILLIS), ttl.toMillis(), lease.workerId(), owner);
        if (updated != 1) {
            return Optional.empty();
        }
        return jdbc
                .queryForList(
                        "SELECT leased_until FROM snowflake_worker_lease WHERE worker_id = ? AND owner = ?",
                        Long.class,
                        lease.workerId(),
                        owner)
                .stream()
                .findFirst()
                .map(lease::renewedUntil);
    }

    /** Gives the id back; the next holder starts after {@code lastUsedEpochMillis}. */
    public void release(WorkerLease lease, String owner, long lastUsedEpochMillis) {
        jdbc.update("""
                UPDATE snowflake_worker_lease SET owner = NULL, leased_until = ?
                 WHERE worker_id = ? AND owner = ?""", lastUsedEpochMillis, lease.workerId(), owner);
    }

    /** The database server's clock, epoch milliseconds (the clock leases are compared with). */
    public long databaseMillis() {
        return jdbc.queryForObject("SELECT " + DB_NOW_MILLIS, Long.class);
    }
}
