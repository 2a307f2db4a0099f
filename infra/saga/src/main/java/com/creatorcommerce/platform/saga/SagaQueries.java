package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.saga.SagaOps.AuditEntry;
import com.creatorcommerce.platform.saga.SagaOps.Filter;
import com.creatorcommerce.platform.saga.SagaOps.LogEntry;
import com.creatorcommerce.platform.saga.SagaOps.Summary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads for operators and the gauges: sagas by filter, one saga's log and audit, counts by type and status. */
final class SagaQueries {

    private static final String SUMMARY = "SELECT id, saga_type, status, current_step, reason_code, attempts, "
            + "last_error, deadline_at, created_at, updated_at FROM saga_instance";

    /** A (type, status) pair of the gauge. */
    record TypeStatus(String type, SagaStatus status) {}

    private final JdbcTemplate jdbc;

    SagaQueries(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    List<Summary> list(Filter f, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        return jdbc.query(
                SUMMARY + where + " ORDER BY created_at, id LIMIT " + limit + " OFFSET " + offset,
                SagaQueries::summary,
                args.toArray());
    }

    long count(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM saga_instance" + where, Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    Optional<Summary> summary(long id) {
        return jdbc.query(SUMMARY + " WHERE id = ?", SagaQueries::summary, id).stream()
                .findFirst();
    }

    String data(long id) {
        return jdbc.queryForObject("SELECT data FROM saga_instance WHERE id = ?", String.class, id);
    }

    List<LogEntry> log(long id) {
        return jdbc.query(
                "SELECT seq, step, event, message_id, outcome, detail, logged_at FROM saga_step_log "
                        + "WHERE saga_id = ? ORDER BY seq",
                (rs, i) -> new LogEntry(
                        rs.getInt(1),
                        rs.getString(2),
                        StepEvent.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs, "logged_at")),
                id);
    }

    List<AuditEntry> audit(long id) {
        return jdbc.query(
                "SELECT action, actor, reason, created_at FROM saga_ops_audit WHERE saga_id = ? " + "ORDER BY id",
                (rs, i) -> new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, "created_at")),
                id);
    }

    Map<TypeStatus, Long> countsByTypeAndStatus() {
        Map<TypeStatus, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT saga_type, status, COUNT(*) FROM saga_instance GROUP BY saga_type, status", rs -> {
            counts.put(new TypeStatus(rs.getString(1), SagaStatus.valueOf(rs.getString(2))), rs.getLong(3));
        });
        return counts;
    }

    /** Sagas awaiting a reply (RUNNING, COMPENSATING) of one type: how many are past their deadline, oldest age. */
    record InFlight(long overdue, double oldestAgeSeconds) {}

    /**
     * Per type, the sagas that await a reply: how many are past their deadline (the sweeper has not acted on them
     * yet) and the age of the oldest one, both by the database clock.
     */
    Map<String, InFlight> inFlightByType() {
        Map<String, InFlight> result = new LinkedHashMap<>();
        jdbc.query(
                "SELECT saga_type, SUM(CASE WHEN deadline_at <= " + SagaStore.NOW + " THEN 1 ELSE 0 END), "
                        + "TIMESTAMPDIFF(MICROSECOND, MIN(created_at), " + SagaStore.NOW + ") FROM saga_instance "
                        + "WHERE status IN ('RUNNING', 'COMPENSATING') GROUP BY saga_type",
                rs -> {
                    result.put(rs.getString(1), new InFlight(rs.getLong(2), Math.max(0, rs.getLong(3)) / 1e6));
                });
        return result;
    }

    private static String where(Filter f, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (f.status() != null) {
            conditions.add("status = ?");
            args.add(f.status().name());
        }
        if (f.type() != null) {
            conditions.add("saga_type = ?");
            args.add(f.type());
        }
        if (f.olderThan() != null) {
            conditions.add("created_at <= TIMESTAMPADD(MICROSECOND, ?, " + SagaStore.NOW + ")");
            args.add(-SagaStore.micros(f.olderThan()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Summary summary(ResultSet rs, int i) throws SQLException {
        return new Summary(
                rs.getLong("id"),
                rs.getString("saga_type"),
                SagaStatus.valueOf(rs.getString("status")),
                rs.getString("current_step"),
                rs.getString("reason_code"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs, "deadline_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** DATETIME columns hold UTC (written by UTC_TIMESTAMP), whatever the JVM's or the session's zone. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
