package com.creatorcommerce.platform.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Divides the outbox partitions among the live relay instances. Each instance heartbeats in
 * {@code outbox_relay_instance}; it holds at most its fair share ({@code ceil(partitions / live instances)}) of
 * {@code outbox_partition_lease} rows, claims free or expired ones up to that share and releases the excess, so that
 * a starting instance gets work and a dead one's partitions move after the lease TTL. One partition has one
 * publisher at a time, which keeps per-key order.
 *
 * <p>Called only from the relay thread, between batches, so a partition is never released in the middle of a send.
 */
class PartitionLeases {

    private final JdbcTemplate jdbc;
    private final String owner;
    private final int partitions;
    private final long ttlMillis;
    private final LongSupplier clock;
    private final SortedSet<Integer> owned = new TreeSet<>();

    PartitionLeases(DataSource dataSource, String owner, int partitions, Duration ttl, LongSupplier clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.owner = owner;
        this.partitions = partitions;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    /** Creates missing partition rows (idempotent; instances may start together). */
    void initialize() {
        for (int p = 0; p < partitions; p++) {
            jdbc.update("INSERT IGNORE INTO outbox_partition_lease (partition_no, owner, lease_until) VALUES (?, NULL, 0)",
                    p);
        }
    }

    /** Heartbeat, renew, then rebalance towards the fair share. Returns the partitions this instance now owns. */
    SortedSet<Integer> refresh() {
        long now = clock.getAsLong();
        long until = now + ttlMillis;
        jdbc.update("""
                INSERT INTO outbox_relay_instance (owner, heartbeat_until) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE heartbeat_until = ?""", owner, until, until);
        jdbc.update("DELETE FROM outbox_relay_instance WHERE heartbeat_until < ?", now - 10 * ttlMillis);
        Integer live = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_relay_instance WHERE heartbeat_until >= ?", Integer.class, now);
        int fairShare = (int) Math.ceil(partitions / (double) Math.max(1, live == null ? 1 : live));

        jdbc.update("UPDATE outbox_partition_lease SET lease_until = ? WHERE owner = ? AND partition_no < ?",
                until, owner, partitions);
        owned.clear();
        owned.addAll(jdbc.queryForList(
                "SELECT partition_no FROM outbox_partition_lease WHERE owner = ? AND partition_no < ? ORDER BY partition_no",
                Integer.class, owner, partitions));

        while (owned.size() > fairShare) {
            Integer last = owned.last();
            jdbc.update("UPDATE outbox_partition_lease SET owner = NULL, lease_until = 0 WHERE partition_no = ? AND owner = ?",
                    last, owner);
            owned.remove(last);
        }
        if (owned.size() < fairShare) {
            List<Integer> free = new ArrayList<>(jdbc.queryForList("""
                    SELECT partition_no FROM outbox_partition_lease
                     WHERE (owner IS NULL OR lease_until < ?) AND partition_no < ? ORDER BY partition_no""",
                    Integer.class, now, partitions));
            // start at an owner-specific offset so that instances starting together do not contend for the same rows
            java.util.Collections.rotate(free, Math.floorMod(owner.hashCode(), Math.max(1, free.size())));
            for (Integer p : free) {
                if (owned.size() >= fairShare) {
                    break;
                }
                int claimed = jdbc.update("""
                        UPDATE outbox_partition_lease SET owner = ?, lease_until = ?
                         WHERE partition_no = ? AND (owner IS NULL OR lease_until < ?)""", owner, until, p, now);
                if (claimed == 1) {
                    owned.add(p);
                }
            }
        }
        return new TreeSet<>(owned);
    }

    /** Gives every partition back (orderly shutdown) so another instance takes over at once. */
    void releaseAll() {
        jdbc.update("UPDATE outbox_partition_lease SET owner = NULL, lease_until = 0 WHERE owner = ?", owner);
        jdbc.update("DELETE FROM outbox_relay_instance WHERE owner = ?", owner);
        owned.clear();
    }
}
