package com.creatorcommerce.platform.messaging.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The relay's and the operators' SQL on {@code outbox_event}, in one place. */
public final class OutboxStore {

    /** A row to publish. */
    record Row(long id, int slot, String topic, String key, String headers, String payload, Timestamp createdAt) {}

    /** A pending row's id and slot. */
    record Pending(long id, int slot) {}

    /** A row parked as FAILED, for operators. */
    public record ParkedRow(
            long id, String topic, String key, String type, int attempts, String lastError, Instant createdAt) {}

    /** Counts for the gauges. */
    record Stats(long pending, long failed, Instant oldestPending) {}

    private static final int MAX_ERROR = 1000;

    private final JdbcTemplate jdbc;

    public OutboxStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * The oldest pending rows (id order) of the {@code held} slots, leaving out {@code waiting} slots whose head row
     * is backing off. Reads at most {@code limit} rows whatever the backlog: the (status, id) index is read in order.
     */
    List<Row> pending(SortedSet<Integer> held, Collection<Integer> waiting, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, partition_no, topic, message_key, headers, payload, created_at
                  FROM outbox_event WHERE status = 'PENDING'""");
        List<Object> args = new ArrayList<>();
        if (held.size() < OutboxSlots.COUNT) {
            appendRanges(sql, args, held);
        }
        if (!waiting.isEmpty()) {
            sql.append(" AND partition_no NOT IN (");
            int i = 0;
            for (Integer slot : waiting) {
                sql.append(i++ == 0 ? "?" : ",?");
                args.add(slot);
            }
            sql.append(')');
        }
        sql.append(" ORDER BY id LIMIT ").append(limit);
        return jdbc.query(
                sql.toString(),
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7)),
                args.toArray());
    }

    /**
     * The pending rows of {@code slots} with ids up to {@code upTo}, oldest first, at most {@code limit}: what a
     * hand-off must not overtake. Reads the (status, id) index; the hand-off runs only while the relay is caught up,
     * when few rows are pending.
     */
    List<Pending> pendingUpTo(Collection<Integer> slots, long upTo, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, partition_no FROM outbox_event WHERE status = 'PENDING' AND partition_no IN (");
        List<Object> args = new ArrayList<>(slots.size() + 1);
        for (Integer slot : slots) {
            sql.append(args.isEmpty() ? "?" : ",?");
            args.add(slot);
        }
        sql.append(") AND id <= ? ORDER BY id LIMIT ").append(limit);
        args.add(upTo);
        return jdbc.query(sql.toString(), (rs, i) -> new Pending(rs.getLong(1), rs.getInt(2)), args.toArray());
    }

    /** {@code AND (partition_no BETWEEN a AND b OR ...)}: held slots are claimed in order, so ranges are few. */
    private static void appendRanges(StringBuilder sql, List<Object> args, SortedSet<Integer> held) {
        sql.append(" AND (");
        Integer start = null;
        Integer prev = null;
        boolean first = true;
        for (Integer slot : held) {
            if (start == null) {
                start = slot;
            } else if (slot != prev + 1) {
                first = range(sql, args, start, prev, first);
                start = slot;
            }
            prev = slot;
        }
        range(sql, args, start, prev, first);
        sql.append(')');
    }

    private static boolean range(StringBuilder sql, List<Object> args, int from, int to, boolean first) {
        sql.append(first ? "" : " OR ").append("partition_no BETWEEN ? AND ?");
        args.add(from);
        args.add(to);
        return false;
    }

    /** Marks acknowledged rows in one statement. */
    void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder in = new StringBuilder();
        Object[] args = new Object[ids.size() + 1];
        args[0] = Timestamp.from(Instant.now());
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ",?");
            args[i + 1] = ids.get(i);
        }
        // by primary key only: a status condition in WHERE lets the optimizer range-scan a status index, whose
        // next-key locks (REPEATABLE READ) would hold every INSERT of a new PENDING row until this commits
        jdbc.update("""
                UPDATE outbox_event
                   SET published_at = CASE WHEN status = 'PENDING' THEN ? ELSE published_at END,
                       next_attempt_at = CASE WHEN status = 'PENDING' THEN NULL ELSE next_attempt_at END,
                       status = CASE WHEN status = 'PENDING' THEN 'PUBLISHED' ELSE status END
                 WHERE id IN (""" + in + ")", args);
    }

    /** A transient failure: the row stays PENDING and keeps its slot waiting; recorded for operators. */
    void recordRetry(long id, Instant nextAttempt, String error) {
        jdbc.update(
                "UPDATE outbox_event SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                        + " WHERE id = ? AND status = 'PENDING'",
                Timestamp.from(nextAttempt),
                truncate(error),
                id);
    }

    /** A permanent failure of this record: parked as FAILED until an operator requeues it. */
    void park(long id, String error) {
        jdbc.update(
                "UPDATE outbox_event SET status = 'FAILED', attempts = attempts + 1, last_error = ?"
                        + " WHERE id = ? AND status = 'PENDING'",
                truncate(error),
                id);
    }

    Stats stats() {
        Long pending = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = 'PENDING'", Long.class);
        Long failed = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = 'FAILED'", Long.class);
        List<Timestamp> oldest = jdbc.queryForList("""
                SELECT created_at FROM outbox_event WHERE status = 'PENDING' ORDER BY id LIMIT 1""", Timestamp.class);
        return new Stats(
                pending == null ? 0 : pending,
                failed == null ? 0 : failed,
                oldest.isEmpty() ? null : oldest.getFirst().toInstant());
    }

    /** Parked rows, newest first. */
    public List<ParkedRow> parked(int offset, int limit) {
        return jdbc.query(
                """
                SELECT id, topic, message_key, event_type, attempts, last_error, created_at
                  FROM outbox_event WHERE status = 'FAILED' ORDER BY id DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new ParkedRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()),
                limit,
                offset);
    }

    public long countParked() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = 'FAILED'", Long.class);
        return n == null ? 0 : n;
    }

    /** Puts a parked row back in line (it is sent after the rows of its slot that are older); false if not parked. */
    public boolean requeue(long id) {
        return jdbc.update("""
                UPDATE outbox_event SET status = 'PENDING', attempts = 0, next_attempt_at = NULL
                 WHERE id = ? AND status = 'FAILED'""", id) == 1;
    }

    private static String truncate(String error) {
        String e = error == null ? "unknown" : error;
        return e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) : e;
    }
}
