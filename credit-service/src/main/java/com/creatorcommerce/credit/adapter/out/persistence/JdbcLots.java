package com.creatorcommerce.credit.adapter.out.persistence;

import com.creatorcommerce.credit.domain.CreditLot;
import com.creatorcommerce.credit.domain.LotBook;
import com.creatorcommerce.credit.domain.Price;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lots ({@code credit_topups}) and what debits took from them ({@code credit_usages}) in plain SQL. */
final class JdbcLots {

    static final String LOT_COLUMNS =
            "id, user_id, source, credits, remaining, price, currency, purchased_at, " + "refundable_until, status";

    private final JdbcTemplate jdbc;

    JdbcLots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CreditLot> lockOpen(long userId) {
        return jdbc.query(
                "SELECT " + LOT_COLUMNS + " FROM credit_topups WHERE user_id = ? AND remaining > 0 "
                        + "ORDER BY purchased_at, id FOR UPDATE",
                (rs, n) -> lot(rs),
                userId);
    }

    Optional<CreditLot> find(long lotId) {
        return jdbc
                .query("SELECT " + LOT_COLUMNS + " FROM credit_topups WHERE id = ?", (rs, n) -> lot(rs), lotId)
                .stream()
                .findFirst();
    }

    List<CreditLot> ofUser(long userId, int limit, long offset) {
        return jdbc.query(
                "SELECT " + LOT_COLUMNS + " FROM credit_topups WHERE user_id = ? "
                        + "ORDER BY purchased_at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, n) -> lot(rs),
                userId,
                limit,
                offset);
    }

    long countOfUser(long userId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM credit_topups WHERE user_id = ?", Long.class, userId);
    }

    void write(LotBook book, Instant now) {
        LocalDateTime at = utc(now);
        if (!book.created().isEmpty()) {
            List<Object[]> args = new ArrayList<>();
            for (LotBook.Created c : book.created()) {
                CreditLot l = c.lot();
                args.add(new Object[] {
                    l.id(),
                    l.userId(),
                    l.source(),
                    c.terms().sourceId(),
                    l.credits(),
                    l.remaining(),
                    l.price() == null ? null : l.price().amount(),
                    l.price() == null ? null : l.price().currencyCode(),
                    c.historyId(),
                    l.status().name(),
                    utc(l.purchasedAt()),
                    l.refundableUntil() == null ? null : utc(l.refundableUntil()),
                    at,
                    at
                });
            }
            jdbc.batchUpdate("""
                    INSERT INTO credit_topups (id, user_id, source, source_id, credits, remaining, price, currency,
                      history_id, status, purchased_at, refundable_until, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
        }
        List<CreditLot> changed = book.changed();
        if (!changed.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE credit_topups SET remaining = ?, status = ?, updated_at = ? WHERE id = ?",
                    changed.stream()
                            .map(l -> new Object[] {l.remaining(), l.status().name(), at, l.id()})
                            .toList());
        }
        if (!book.usages().isEmpty()) {
            long userId = book.userId();
            jdbc.batchUpdate(
                    """
                    INSERT INTO credit_usages (history_id, lot_id, user_id, usage_type, credits, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)""",
                    book.usages().stream()
                            .map(u -> new Object[] {
                                u.historyId(), u.lotId(), userId, u.type().wireName(), u.credits(), at
                            })
                            .toList());
        }
    }

    private static CreditLot lot(ResultSet rs) throws SQLException {
        BigDecimal price = rs.getBigDecimal("price");
        LocalDateTime until = rs.getObject("refundable_until", LocalDateTime.class);
        return new CreditLot(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("source"),
                rs.getLong("credits"),
                rs.getLong("remaining"),
                price == null ? null : Price.of(price, rs.getString("currency")),
                rs.getObject("purchased_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                until == null ? null : until.toInstant(ZoneOffset.UTC),
                CreditLot.Status.valueOf(rs.getString("status")));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
