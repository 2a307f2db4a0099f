package com.creatorcommerce.platform.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Divides the {@link OutboxSlots} among the live relay instances, one publisher per slot at a time (ADR 2, ADR 10).
 *
 * <ul>
 *   <li>Every lease time is computed by the <b>database clock</b> ({@link #DB_NOW_MS}), so skewed host clocks cannot
 *       make two instances believe they hold one slot.</li>
 *   <li>Each instance heartbeats in {@code outbox_relay_instance} and holds its fair share
 *       ({@code ceil(slots / live instances)}) of {@code outbox_partition_lease} rows, claiming free or expired ones
 *       and releasing the excess. {@link #rebalance()} runs only on the relay thread, between rounds, so a slot is
 *       never given away while its rows are in flight.</li>
 *   <li>{@link #renew()} runs on a heartbeat thread, also while a round is blocked on a slow broker, so the lease
 *       does not lapse under a working holder.</li>
 *   <li>Locally, the holder trusts its leases only until {@code (start of the last successful renewal) + ttl} on
 *       its monotonic clock, which ends before the database's {@code lease_until}. The relay sends a batch only when
 *       that leaves more than the longest a send can take ({@link #mayPublish}), so every record it sends is
 *       acknowledged or failed before anyone else can own its slot.</li>
 * </ul>
 */
final class SlotLeases {

    /** The database's UTC time in epoch ms (MySQL 8 and MariaDB alike, whatever the session time zone). */
    static final String DB_NOW_MS = "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01', UTC_TIMESTAMP(3)) DIV 1000)";

    /** The slots held and how long they may be trusted ({@link System#nanoTime()} scale). */
    record Held(SortedSet<Integer> slots, long validUntilNanos) {
        static final Held NONE = new Held(new TreeSet<>(), Long.MIN_VALUE);
    }

    private final JdbcTemplate jdbc;
    private final String owner;
    private final long ttlMillis;
    private final LongSupplier nanoTime;
    private volatile Held held = Held.NONE;

    SlotLeases(DataSource dataSource, String owner, Duration ttl, LongSupplier nanoTime) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.owner = owner;
        this.ttlMillis = ttl.toMillis();
        this.nanoTime = nanoTime;
    }

    /** Creates the slot rows that are missing (idempotent; instances may start together). */
    void initialize() {
        StringBuilder sql = new StringBuilder(
                "INSERT IGNORE INTO outbox_partition_lease (partition_no, owner, lease_until) VALUES ");
        for (int slot = 0; slot < OutboxSlots.COUNT; slot++) {
            sql.append(slot == 0 ? "" : ",").append('(').append(slot).append(",NULL,0)");
        }
        jdbc.update(sql.toString());
    }

    Held held() {
        return held;
    }

    /** True while the held slots stay ours for longer than {@code budget} (the longest a send can take). */
    boolean mayPublish(Duration budget) {
        Held h = held;
        return !h.slots().isEmpty() && h.validUntilNanos() - nanoTime.getAsLong() > budget.toNanos();
    }

    /** Extends every lease this instance holds; called by the heartbeat thread, also in the middle of a round. */
    synchronized void renew() {
        long started = nanoTime.getAsLong();
        heartbeat();
        jdbc.update(
                "UPDATE outbox_partition_lease SET lease_until = " + DB_NOW_MS + " + ? WHERE owner = ?",
                ttlMillis,
                owner);
        held = new Held(ownedSlots(), started + ttlMillis * 1_000_000);
    }

    /** Renews, then moves towards the fair share: releases excess idle slots or claims free/expired ones. */
    synchronized Held rebalance() {
        return rebalance(Set.of());
    }

    /**
     * As {@link #rebalance()}, never releasing a slot in {@code busy} (rows in flight): it is released at a later
     * rebalance, once idle.
     */
    synchronized Held rebalance(Set<Integer> busy) {
        long started = nanoTime.getAsLong();
        heartbeat();
        jdbc.update("DELETE FROM outbox_relay_instance WHERE heartbeat_until < " + DB_NOW_MS + " - ?", 10 * ttlMillis);
        Integer live = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_relay_instance WHERE heartbeat_until >= " + DB_NOW_MS, Integer.class);
        int fairShare = (int) Math.ceil(OutboxSlots.COUNT / (double) Math.max(1, live == null ? 1 : live));
        jdbc.update(
                "UPDATE outbox_partition_lease SET lease_until = " + DB_NOW_MS + " + ? WHERE owner = ?",
                ttlMillis,
                owner);
        SortedSet<Integer> mine = ownedSlots();
        if (mine.size() > fairShare) {
            List<Integer> release = new ArrayList<>();
            for (Integer slot : mine.reversed()) {
                if (release.size() == mine.size() - fairShare) {
                    break;
                }
                if (!busy.contains(slot)) {
                    release.add(slot);
                }
            }
            if (!release.isEmpty()) {
                String in =
                        String.join(",", release.stream().map(String::valueOf).toList());
                jdbc.update(
                        "UPDATE outbox_partition_lease SET owner = NULL, lease_until = 0 WHERE owner = ?"
                                + " AND partition_no IN (" + in + ")",
                        owner);
                mine = ownedSlots();
            }
        } else if (mine.size() < fairShare) {
            jdbc.update(
                    "UPDATE outbox_partition_lease SET owner = ?, lease_until = " + DB_NOW_MS + " + ?"
                            + " WHERE owner IS NULL OR lease_until < " + DB_NOW_MS
                            + " ORDER BY partition_no LIMIT " + (fairShare - mine.size()),
                    owner,
                    ttlMillis);
            mine = ownedSlots();
        }
        held = new Held(mine, started + ttlMillis * 1_000_000);
        return held;
    }

    /** Gives every slot back (orderly shutdown) so that another instance takes over at once. */
    synchronized void releaseAll() {
        held = Held.NONE;
        jdbc.update("UPDATE outbox_partition_lease SET owner = NULL, lease_until = 0 WHERE owner = ?", owner);
        jdbc.update("DELETE FROM outbox_relay_instance WHERE owner = ?", owner);
    }

    private void heartbeat() {
        jdbc.update(
                "INSERT INTO outbox_relay_instance (owner, heartbeat_until) VALUES (?, " + DB_NOW_MS + " + ?)"
                        + " ON DUPLICATE KEY UPDATE heartbeat_until = " + DB_NOW_MS + " + ?",
                owner,
                ttlMillis,
                ttlMillis);
    }

    private SortedSet<Integer> ownedSlots() {
        return new TreeSet<>(jdbc.queryForList(
                "SELECT partition_no FROM outbox_partition_lease WHERE owner = ? ORDER BY partition_no",
                Integer.class,
                owner));
    }
}
