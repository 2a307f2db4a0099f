package com.creatorcommerce.credit.adapter.out.persistence;

import com.creatorcommerce.credit.application.port.Settlements;
import com.creatorcommerce.credit.domain.Settlement;
import com.creatorcommerce.platform.kernel.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link Settlements} in plain SQL (UTC {@code DATETIME(6)}), joining the caller's transaction. */
@Repository
class JdbcSettlements implements Settlements {

    private static final String COLUMNS = "id, creator_id, period, donations, gross_credits, fee_rate, fee_credits, "
            + "net_credits, rate_per_credit, net_amount, currency, status, paid_by, created_at, paid_at";
    /**
     * A creator's completed, unsettled donations of the period up to {@code until}, plus the ones completed in an
     * earlier month after that month was settled (carried over). Parameters: creator, until, period start.
     */
    private static final String UNSETTLED = " FROM donations d WHERE d.creator_id = ? AND d.settlement_id IS NULL "
            + "AND d.status = 'COMPLETED' AND d.completed_at < ? AND (d.completed_at >= ? OR "
            + "DATE_FORMAT(d.completed_at, '%Y-%m') IN (SELECT s.period FROM settlements s "
            + "WHERE s.creator_id = d.creator_id))";

    private final JdbcTemplate jdbc;

    JdbcSettlements(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public List<Long> creatorsWithUnsettled(Instant from, Instant until) {
        return jdbc.queryForList("""
                SELECT DISTINCT d.creator_id FROM donations d WHERE d.settlement_id IS NULL AND d.status = 'COMPLETED'
                  AND d.completed_at < ? AND (d.completed_at >= ? OR DATE_FORMAT(d.completed_at, '%Y-%m') IN
                    (SELECT s.period FROM settlements s WHERE s.creator_id = d.creator_id))
                ORDER BY d.creator_id""", Long.class, utc(until), utc(from));
    }

    @Override
    public Unsettled lockUnsettled(long creatorId, Instant from, Instant until) {
        List<long[]> rows = jdbc.query(
                "SELECT d.credits" + UNSETTLED + " FOR UPDATE",
                (rs, n) -> new long[] {rs.getLong(1)},
                creatorId,
                utc(until),
                utc(from));
        return new Unsettled(
                creatorId, rows.size(), rows.stream().mapToLong(r -> r[0]).sum());
    }

    @Override
    public boolean addIfAbsent(Settlement s) {
        return jdbc.update(
                        "INSERT IGNORE INTO settlements (" + COLUMNS + ", updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        s.id(),
                        s.creatorId(),
                        s.period().toString(),
                        s.donations(),
                        s.grossCredits(),
                        s.feeRate(),
                        s.feeCredits(),
                        s.netCredits(),
                        s.ratePerCredit(),
                        s.netAmount(),
                        s.currency(),
                        s.status().name(),
                        s.paidBy(),
                        utc(s.createdAt()),
                        s.paidAt() == null ? null : utc(s.paidAt()),
                        utc(s.createdAt()))
                == 1;
    }

    @Override
    public long markSettled(long creatorId, long settlementId, Instant from, Instant until) {
        return jdbc.update(
                "UPDATE donations d SET d.settlement_id = ?" + UNSETTLED.replace(" FROM donations d", ""),
                settlementId,
                creatorId,
                utc(until),
                utc(from));
    }

    @Override
    public Optional<Settlement> find(long id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM settlements WHERE id = ?", (rs, n) -> settlement(rs), id)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Settlement> find(long creatorId, String period) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM settlements WHERE creator_id = ? AND period = ?",
                        (rs, n) -> settlement(rs),
                        creatorId,
                        period)
                .stream()
                .findFirst();
    }

    @Override
    public List<Settlement> ofPeriod(String period) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM settlements WHERE period = ? ORDER BY creator_id",
                (rs, n) -> settlement(rs),
                period);
    }

    @Override
    public Page<Settlement> ofCreator(long creatorId, int page, int pageSize) {
        long total =
                jdbc.queryForObject("SELECT COUNT(*) FROM settlements WHERE creator_id = ?", Long.class, creatorId);
        return new Page<>(
                jdbc.query(
                        "SELECT " + COLUMNS + " FROM settlements WHERE creator_id = ? "
                                + "ORDER BY period DESC, id DESC LIMIT ? OFFSET ?",
                        (rs, n) -> settlement(rs),
                        creatorId,
                        pageSize,
                        Page.offset(page, pageSize)),
                total,
                page,
                pageSize);
    }

    @Override
    public boolean markPaid(long id, long adminId, Instant now) {
        return jdbc.update(
                        "UPDATE settlements SET status = 'PAID', paid_by = ?, paid_at = ?, updated_at = ? "
                                + "WHERE id = ? AND status = 'OWED'",
                        adminId,
                        utc(now),
                        utc(now),
                        id)
                == 1;
    }

    private static Settlement settlement(ResultSet rs) throws SQLException {
        LocalDateTime paid = rs.getObject("paid_at", LocalDateTime.class);
        return new Settlement(
                rs.getLong("id"),
                rs.getLong("creator_id"),
                YearMonth.parse(rs.getString("period")),
                rs.getLong("donations"),
                rs.getLong("gross_credits"),
                rs.getBigDecimal("fee_rate"),
                rs.getLong("fee_credits"),
                rs.getLong("net_credits"),
                rs.getBigDecimal("rate_per_credit"),
                rs.getBigDecimal("net_amount"),
                rs.getString("currency"),
                Settlement.Status.valueOf(rs.getString("status")),
                rs.getObject("paid_by", Long.class),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                paid == null ? null : paid.toInstant(ZoneOffset.UTC));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
