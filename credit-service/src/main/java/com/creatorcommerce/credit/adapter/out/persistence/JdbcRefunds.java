package com.creatorcommerce.credit.adapter.out.persistence;

import com.creatorcommerce.credit.application.port.Refunds;
import com.creatorcommerce.credit.domain.CreditLot;
import com.creatorcommerce.credit.domain.RefundLog;
import com.creatorcommerce.platform.kernel.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link Refunds} in plain SQL (UTC {@code DATETIME(6)}), joining the caller's transaction. */
@Repository
class JdbcRefunds implements Refunds {

    private static final String COLUMNS = "id, user_id, lot_id, purchase_id, payment_key, credits, amount, currency, "
            + "amount_minor, history_id, cancel_request_id, reason, status, payment_id, failure_code, failure_reason, "
            + "created_at, completed_at";

    private final JdbcTemplate jdbc;
    private final JdbcLots lots;

    JdbcRefunds(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.lots = new JdbcLots(jdbc);
    }

    @Override
    public Optional<CreditLot> lot(long lotId) {
        return lots.find(lotId);
    }

    @Override
    public Optional<Long> purchaseOf(long lotId) {
        return jdbc
                .queryForList(
                        "SELECT source_id FROM credit_topups WHERE id = ? AND source = 'purchase'", String.class, lotId)
                .stream()
                .findFirst()
                .map(Long::parseLong);
    }

    @Override
    public Page<CreditLot> lots(long userId, int page, int pageSize) {
        return new Page<>(
                lots.ofUser(userId, pageSize, Page.offset(page, pageSize)), lots.countOfUser(userId), page, pageSize);
    }

    @Override
    public void add(RefundLog r) {
        jdbc.update(
                "INSERT INTO refund_logs (" + COLUMNS + ", updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(),
                r.userId(),
                r.lotId(),
                r.purchaseId(),
                r.paymentKey(),
                r.credits(),
                r.amount(),
                r.currency(),
                r.amountMinor(),
                r.historyId(),
                r.cancelRequestId(),
                r.reason(),
                r.status().name(),
                r.paymentId(),
                r.failureCode(),
                r.failureReason(),
                utc(r.createdAt()),
                r.completedAt() == null ? null : utc(r.completedAt()),
                utc(r.createdAt()));
    }

    @Override
    public Optional<RefundLog> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM refund_logs WHERE id = ?", (rs, n) -> refund(rs), id).stream()
                .findFirst();
    }

    @Override
    public Optional<RefundLog> findByLot(long lotId) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM refund_logs WHERE lot_id = ?", (rs, n) -> refund(rs), lotId)
                .stream()
                .findFirst();
    }

    @Override
    public boolean settle(
            String cancelRequestId,
            RefundLog.Status status,
            Long paymentId,
            String failureCode,
            String failureReason,
            Instant now) {
        return jdbc.update(
                        """
                UPDATE refund_logs SET status = ?, payment_id = ?, failure_code = ?, failure_reason = ?,
                  completed_at = ?, updated_at = ?
                WHERE cancel_request_id = ? AND status = 'REQUESTED'""", status.name(), paymentId, failureCode, failureReason, utc(now), utc(now), cancelRequestId)
                == 1;
    }

    private static RefundLog refund(ResultSet rs) throws SQLException {
        LocalDateTime completed = rs.getObject("completed_at", LocalDateTime.class);
        return new RefundLog(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getLong("lot_id"),
                rs.getLong("purchase_id"),
                rs.getString("payment_key"),
                rs.getLong("credits"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getLong("amount_minor"),
                rs.getLong("history_id"),
                rs.getString("cancel_request_id"),
                rs.getString("reason"),
                RefundLog.Status.valueOf(rs.getString("status")),
                rs.getObject("payment_id", Long.class),
                rs.getString("failure_code"),
                rs.getString("failure_reason"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                completed == null ? null : completed.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
