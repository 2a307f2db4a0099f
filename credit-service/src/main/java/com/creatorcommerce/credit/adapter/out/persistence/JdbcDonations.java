package com.creatorcommerce.credit.adapter.out.persistence;

import com.creatorcommerce.credit.application.port.Donations;
import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.platform.kernel.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link Donations} in plain SQL (UTC {@code DATETIME(6)}), joining the caller's transaction. */
@Repository
class JdbcDonations implements Donations {

    private static final String CLOSED = Donations.CLOSED;
    private static final String COLUMNS = "id, donor_id, creator_id, credits, message, status, idempotency_key, "
            + "history_id, topup_purchase_id, failure_code, failure_reason, created_at, completed_at";

    private final JdbcTemplate jdbc;

    JdbcDonations(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void add(Donation d) {
        jdbc.update(
                "INSERT INTO donations (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(),
                d.donorId(),
                d.creatorId(),
                d.credits(),
                d.message(),
                d.status().name(),
                d.idempotencyKey(),
                d.historyId(),
                d.topUpPurchaseId(),
                d.failureCode(),
                d.failureReason(),
                utc(d.createdAt()),
                d.completedAt() == null ? null : utc(d.completedAt()),
                utc(d.createdAt()));
    }

    @Override
    public Optional<Donation> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM donations WHERE id = ?", (rs, n) -> donation(rs), id).stream()
                .findFirst();
    }

    @Override
    public Optional<Donation> findByIdempotencyKey(String key) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM donations WHERE idempotency_key = ?", (rs, n) -> donation(rs), key)
                .stream()
                .findFirst();
    }

    @Override
    public boolean lockPending(long id) {
        return jdbc.queryForList("SELECT status FROM donations WHERE id = ? FOR UPDATE", String.class, id).stream()
                .anyMatch("PENDING"::equals);
    }

    @Override
    public void complete(long id, long historyId, Instant now) {
        jdbc.update(
                "UPDATE donations SET status = 'COMPLETED', history_id = ?, completed_at = ?, updated_at = ? "
                        + "WHERE id = ? AND status = 'PENDING'",
                historyId,
                utc(now),
                utc(now),
                id);
    }

    @Override
    public boolean fail(long id, String code, String reason, Instant now) {
        return jdbc.update(
                        "UPDATE donations SET status = 'FAILED', failure_code = ?, failure_reason = ?, "
                                + "updated_at = ? WHERE id = ? AND status = 'PENDING'",
                        code,
                        reason,
                        utc(now),
                        id)
                == 1;
    }

    @Override
    public boolean failOrAmend(long id, String code, String reason, Instant now) {
        return jdbc.update(
                        "UPDATE donations SET status = 'FAILED', failure_code = ?, failure_reason = ?, updated_at = ? "
                                + "WHERE id = ? AND (status = 'PENDING' OR (status = 'FAILED' AND failure_code = ?))",
                        code,
                        reason,
                        utc(now),
                        id,
                        CLOSED)
                == 1;
    }

    @Override
    public void attachSaga(long id, long sagaId) {
        jdbc.update("UPDATE donations SET saga_id = ? WHERE id = ?", sagaId, id);
    }

    @Override
    public Page<Donation> sent(long donorId, int page, int pageSize) {
        return page("donor_id = ?", donorId, page, pageSize);
    }

    @Override
    public Page<Donation> received(long creatorId, int page, int pageSize) {
        return page("creator_id = ? AND status = 'COMPLETED'", creatorId, page, pageSize);
    }

    private Page<Donation> page(String where, long user, int page, int pageSize) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM donations WHERE " + where, Long.class, user);
        List<Donation> items = jdbc.query(
                "SELECT " + COLUMNS + " FROM donations WHERE " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, n) -> donation(rs),
                user,
                pageSize,
                Page.offset(page, pageSize));
        return new Page<>(items, total, page, pageSize);
    }

    private static Donation donation(ResultSet rs) throws SQLException {
        return new Donation(
                rs.getLong("id"),
                rs.getLong("donor_id"),
                rs.getLong("creator_id"),
                rs.getLong("credits"),
                rs.getString("message"),
                Donation.Status.valueOf(rs.getString("status")),
                rs.getString("idempotency_key"),
                rs.getObject("history_id", Long.class),
                rs.getObject("topup_purchase_id", Long.class),
                rs.getString("failure_code"),
                rs.getString("failure_reason"),
                instant(rs, "created_at"),
                instant(rs, "completed_at"));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
