package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.saga.SagaStateMachine.Sent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's SQL on {@code saga_instance} and {@code saga_step_log}. Every writer of a saga first locks its row
 * ({@code FOR UPDATE}), so transitions of one saga are serialised; the version column double-checks it. Times are
 * the database's UTC clock.
 */
final class SagaStore {

    static final String NOW = "UTC_TIMESTAMP(6)";
    private static final int MAX_TEXT = 1000;
    private static final String COLUMNS = "id, saga_type, status, current_step, data, executed_steps, "
            + "compensated_steps, reason_code, reason_detail, attempts, last_error, log_seq, version, "
            + "TIMESTAMPDIFF(MICROSECOND, step_started_at, " + NOW + ") AS step_elapsed";

    /** A locked saga row. {@code stepElapsedMicros}: since the current command was first sent. */
    record Row(
            long id,
            String type,
            SagaStatus status,
            String step,
            String data,
            List<String> executed,
            List<String> compensated,
            String reasonCode,
            String reasonDetail,
            int attempts,
            String lastError,
            int logSeq,
            long version,
            Long stepElapsedMicros) {}

    /** A saga's columns after a transition. */
    record Columns(
            SagaStatus status,
            String step,
            String data,
            List<String> executed,
            List<String> compensated,
            String reasonCode,
            String reasonDetail,
            int attempts,
            String lastError,
            int logSeq) {}

    /** A step log row to append. */
    record LogRow(int seq, String step, StepEvent event, String messageId, String outcome, String detail) {}

    private final JdbcTemplate jdbc;

    SagaStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    Optional<Row> lock(long id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM saga_instance WHERE id = ? FOR UPDATE", SagaStore::row, id)
                .stream()
                .findFirst();
    }

    /** The saga if its deadline passed and nobody else holds it (another sweeper, a reply being handled). */
    Optional<Row> lockExpired(long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM saga_instance WHERE id = ? AND status IN ('RUNNING', "
                                + "'COMPENSATING') AND deadline_at <= " + NOW + " FOR UPDATE SKIP LOCKED",
                        SagaStore::row,
                        id)
                .stream()
                .findFirst();
    }

    /** Ids of sagas past their deadline, most overdue first (a plain read; each is then claimed on its own). */
    List<Long> expired(int limit) {
        return jdbc.queryForList(
                "SELECT id FROM saga_instance WHERE status IN ('RUNNING', 'COMPENSATING') " + "AND deadline_at <= "
                        + NOW + " ORDER BY deadline_at LIMIT " + limit,
                Long.class);
    }

    void insert(long id, String type, Columns c, Duration deadline, boolean stepStarted) {
        jdbc.update(
                "INSERT INTO saga_instance (id, saga_type, status, current_step, data, executed_steps, "
                        + "compensated_steps, reason_code, reason_detail, attempts, last_error, log_seq, version, deadline_at, "
                        + "step_started_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, "
                        + deadlineSql(deadline) + ", " + (stepStarted ? NOW : "NULL") + ", " + NOW + ", " + NOW + ")",
                args(List.of(id, type), c, deadline, List.of()));
    }

    /** Writes the transition; fails (to be retried) if the row changed since {@code before} was read. */
    void update(Row before, Columns c, boolean resetDeadline, Duration deadline, boolean stepStarted) {
        String sql = "UPDATE saga_instance SET status = ?, current_step = ?, data = ?, executed_steps = ?, "
                + "compensated_steps = ?, reason_code = ?, reason_detail = ?, attempts = ?, last_error = ?, "
                + "log_seq = ?, "
                + (resetDeadline ? "deadline_at = " + deadlineSql(deadline) + ", " : "")
                + (stepStarted ? "step_started_at = " + NOW + ", " : "")
                + "version = version + 1, updated_at = " + NOW + " WHERE id = ? AND version = ?";
        int n = jdbc.update(
                sql, args(List.of(), c, resetDeadline ? deadline : null, List.of(before.id(), before.version())));
        if (n != 1) {
            throw new OptimisticLockingFailureException("Saga " + before.id() + " changed concurrently");
        }
    }

    void appendLog(long sagaId, List<LogRow> rows) {
        jdbc.batchUpdate(
                "INSERT INTO saga_step_log (saga_id, seq, step, event, message_id, outcome, detail, "
                        + "logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, " + NOW + ")",
                rows.stream()
                        .map(r -> new Object[] {
                            sagaId,
                            r.seq(),
                            r.step(),
                            r.event().name(),
                            r.messageId(),
                            cut(r.outcome(), 100),
                            cut(r.detail(), MAX_TEXT)
                        })
                        .toList());
    }

    /** Which step (and whether as its compensation) sent message {@code messageId} of this saga. */
    Optional<Sent> sent(long sagaId, String messageId) {
        return jdbc
                .query(
                        "SELECT step, event FROM saga_step_log WHERE saga_id = ? AND message_id = ? AND event IN "
                                + "('COMMAND_SENT', 'RETRY', 'COMPENSATION_SENT')",
                        (rs, i) -> new Sent(
                                rs.getString(1),
                                StepEvent.COMPENSATION_SENT.name().equals(rs.getString(2))),
                        sagaId,
                        messageId)
                .stream()
                .findFirst();
    }

    /** After a failed deadline transition: try again later, with the error visible to operators. */
    void deferDeadline(long id, Duration backoff, String error) {
        jdbc.update(
                "UPDATE saga_instance SET deadline_at = TIMESTAMPADD(MICROSECOND, ?, " + NOW + "), "
                        + "last_error = ?, version = version + 1, updated_at = " + NOW + " WHERE id = ? AND status IN "
                        + "('RUNNING', 'COMPENSATING') AND deadline_at <= " + NOW,
                micros(backoff),
                cut(error, MAX_TEXT),
                id);
    }

    void audit(long sagaId, String action, String actor, String reason) {
        jdbc.update(
                "INSERT INTO saga_ops_audit (saga_id, action, actor, reason, created_at) VALUES (?, ?, ?, ?, " + NOW
                        + ")",
                sagaId,
                action,
                actor,
                reason);
    }

    private static Object[] args(List<Object> head, Columns c, Duration deadline, List<Object> tail) {
        List<Object> a = new ArrayList<>(head);
        a.addAll(Arrays.asList(
                c.status().name(),
                c.step(),
                c.data(),
                String.join(",", c.executed()),
                String.join(",", c.compensated()),
                c.reasonCode(),
                cut(c.reasonDetail(), MAX_TEXT),
                c.attempts(),
                cut(c.lastError(), MAX_TEXT),
                c.logSeq()));
        if (deadline != null) {
            a.add(micros(deadline));
        }
        a.addAll(tail);
        return a.toArray();
    }

    private static String deadlineSql(Duration deadline) {
        return deadline == null ? "NULL" : "TIMESTAMPADD(MICROSECOND, ?, " + NOW + ")";
    }

    static long micros(Duration d) {
        return Math.max(1, d.toNanos() / 1000);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Object elapsed = rs.getObject("step_elapsed");
        return new Row(
                rs.getLong("id"),
                rs.getString("saga_type"),
                SagaStatus.valueOf(rs.getString("status")),
                rs.getString("current_step"),
                rs.getString("data"),
                split(rs.getString("executed_steps")),
                split(rs.getString("compensated_steps")),
                rs.getString("reason_code"),
                rs.getString("reason_detail"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getInt("log_seq"),
                rs.getLong("version"),
                elapsed == null ? null : ((Number) elapsed).longValue());
    }
}
