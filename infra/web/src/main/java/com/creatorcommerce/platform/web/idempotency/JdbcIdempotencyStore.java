package com.creatorcommerce.platform.web.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code idempotency_key} table (migration {@code db/platform/web/V0_4_1__idempotency_key.sql}). Every statement
 * runs on its own (auto-commit, outside any transaction of the request) and only uses SQL that MySQL 8 and
 * MariaDB 10.11 both accept; times are the database's {@code UTC_TIMESTAMP(6)} so that instances with drifting
 * clocks agree.
 *
 * <p>A row belongs to the attempt whose random {@code attempt_token} it carries: only that attempt may complete or
 * release it, so a presumed-dead attempt that wakes up after a takeover cannot overwrite the new attempt's outcome.
 */
public class JdbcIdempotencyStore {

    public enum State {
        IN_PROGRESS,
        COMPLETED
    }

    /** The key as found: whose request it was (hash), how far it got, and whether it is stale. */
    public record Entry(String requestHash, State state, boolean stale, StoredResponse response) {}

    private static final int MAX_PATH = 1024;

    private final JdbcTemplate jdbc;

    public JdbcIdempotencyStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Claims the key for a new attempt; {@code false} if the key exists already (the primary key decides races). */
    public boolean tryInsert(
            long userId, String key, String method, String path, String requestHash, String attemptToken) {
        try {
            return jdbc.update(
                            "INSERT INTO idempotency_key (user_id, idem_key, request_method, request_path, "
                                    + "request_hash, state, attempt_token, created_at) VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', ?, "
                                    + "UTC_TIMESTAMP(6))",
                            userId,
                            key,
                            method,
                            truncate(path),
                            requestHash,
                            attemptToken)
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Entry> find(long userId, String key, Duration staleAfter) {
        List<Entry> rows = jdbc.query(
                "SELECT request_hash, state, response_status, response_content_type, "
                        + "response_headers, response_body, "
                        + "CASE WHEN created_at < DATE_SUB(UTC_TIMESTAMP(6), INTERVAL ? MICROSECOND) THEN 1 ELSE 0 END "
                        + "AS stale FROM idempotency_key WHERE user_id = ? AND idem_key = ?",
                (rs, i) -> {
                    State state = State.valueOf(rs.getString("state"));
                    StoredResponse response = state == State.COMPLETED
                            ? new StoredResponse(
                                    rs.getInt("response_status"),
                                    rs.getString("response_content_type"),
                                    StoredResponse.parseHeaders(rs.getString("response_headers")),
                                    rs.getBytes("response_body"))
                            : null;
                    return new Entry(rs.getString("request_hash"), state, rs.getInt("stale") == 1, response);
                },
                micros(staleAfter),
                userId,
                key);
        return rows.stream().findFirst();
    }

    /**
     * Takes over a key whose attempt has been IN_PROGRESS for longer than {@code staleAfter}; at most one of several
     * concurrent takers succeeds (the condition is re-evaluated on the locked row).
     */
    public boolean takeOver(long userId, String key, String requestHash, String attemptToken, Duration staleAfter) {
        return jdbc.update(
                        "UPDATE idempotency_key SET attempt_token = ?, created_at = UTC_TIMESTAMP(6) "
                                + "WHERE user_id = ? AND idem_key = ? AND state = 'IN_PROGRESS' AND request_hash = ? "
                                + "AND created_at < DATE_SUB(UTC_TIMESTAMP(6), INTERVAL ? MICROSECOND)",
                        attemptToken,
                        userId,
                        key,
                        requestHash,
                        micros(staleAfter))
                == 1;
    }

    /** Records the outcome; {@code false} if the attempt no longer owns the key. */
    public boolean complete(long userId, String key, String attemptToken, StoredResponse response) {
        return jdbc.update(
                        "UPDATE idempotency_key SET state = 'COMPLETED', response_status = ?, "
                                + "response_content_type = ?, response_headers = ?, response_body = ?, "
                                + "completed_at = UTC_TIMESTAMP(6) "
                                + "WHERE user_id = ? AND idem_key = ? AND attempt_token = ? AND state = 'IN_PROGRESS'",
                        response.status(),
                        response.contentType(),
                        response.headerText(),
                        response.body(),
                        userId,
                        key,
                        attemptToken)
                == 1;
    }

    /** Forgets the key so that the client may retry (the attempt failed without a recordable outcome). */
    public boolean release(long userId, String key, String attemptToken) {
        return jdbc.update(
                        "DELETE FROM idempotency_key WHERE user_id = ? AND idem_key = ? AND attempt_token = ? "
                                + "AND state = 'IN_PROGRESS'",
                        userId,
                        key,
                        attemptToken)
                == 1;
    }

    /** Deletes keys created more than {@code retention} ago, {@code batchSize} rows per statement. */
    public int purgeOlderThan(Duration retention, int batchSize) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(
                    "DELETE FROM idempotency_key "
                            + "WHERE created_at < DATE_SUB(UTC_TIMESTAMP(6), INTERVAL ? MICROSECOND) "
                            + "ORDER BY created_at LIMIT ?",
                    micros(retention),
                    batchSize);
            total += deleted;
        } while (deleted >= batchSize);
        return total;
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static String truncate(String path) {
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH);
    }
}
