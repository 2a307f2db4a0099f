package com.creatorcommerce.credit.adapter.out.persistence;

import com.creatorcommerce.credit.application.port.CreditHistory;
import com.creatorcommerce.credit.application.port.WalletBalance;
import com.creatorcommerce.credit.application.port.Wallets;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditLot;
import com.creatorcommerce.credit.domain.CreditWallet;
import com.creatorcommerce.credit.domain.LotBook;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.platform.kernel.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wallets ({@code credits}) and their ledger ({@code credit_history}) in plain SQL, joining the caller's transaction.
 * Timestamps are UTC wall-clock {@code DATETIME(6)}, like Hibernate with {@code hibernate.jdbc.time_zone=UTC};
 * {@code extra_data} is a JSON object of strings.
 */
@Repository
class JdbcCreditLedger implements Wallets, CreditHistory {

    private static final String ROW_COLUMNS = "id, user_id, transaction_type, amount, balance_before, balance_after, "
            + "description, extra_data, reference_id, idempotency_key, created_at";
    private static final TypeReference<LinkedHashMap<String, String>> EXTRA = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final JdbcLots lots;

    /**
     * Its own template with the MySQL / MariaDB error codes: a lock wait timeout (1205) or a deadlock (1213) must
     * surface as a transient failure ({@code CannotAcquireLockException}, {@code PessimisticLockingFailureException}),
     * which the ledger retries; the default translator leaves 1205 (SQL state HY000) uncategorized.
     */
    JdbcCreditLedger(DataSource dataSource, JsonMapper json) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(dataSource));
        this.json = json;
        this.lots = new JdbcLots(jdbc);
    }

    @Override
    public List<CreditLot> lockOpenLots(long userId) {
        return lots.lockOpen(userId);
    }

    @Override
    public void writeLots(LotBook book, Instant now) {
        lots.write(book, now);
    }

    @Override
    public Optional<CreditWallet> lock(long userId) {
        return jdbc
                .query(
                        "SELECT balance, total_earned, total_spent, version FROM credits WHERE user_id = ? FOR UPDATE",
                        (rs, n) -> CreditWallet.of(userId, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                        userId)
                .stream()
                .findFirst();
    }

    @Override
    public void createIfAbsent(long walletId, long userId, Instant now) {
        jdbc.update("""
                INSERT INTO credits (id, user_id, balance, total_earned, total_spent, version, created_at, updated_at)
                VALUES (?, ?, 0, 0, 0, 0, ?, ?) ON DUPLICATE KEY UPDATE user_id = user_id""", walletId, userId, utc(now), utc(now));
    }

    @Override
    public Map<String, CreditHistoryEntry> findByIdempotencyKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, CreditHistoryEntry> found = new HashMap<>();
        jdbc.query(
                "SELECT " + ROW_COLUMNS + " FROM credit_history WHERE idempotency_key IN ("
                        + String.join(",", Collections.nCopies(keys.size(), "?")) + ")",
                rs -> {
                    CreditHistoryEntry e = entry(rs);
                    found.put(e.idempotencyKey(), e);
                },
                keys.toArray());
        return found;
    }

    @Override
    public void append(List<CreditHistoryEntry> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (CreditHistoryEntry r : rows) {
            args.add(new Object[] {
                r.id(),
                r.userId(),
                r.type().wireName(),
                r.amount(),
                r.balanceBefore(),
                r.balanceAfter(),
                r.description(),
                r.extraData().isEmpty() ? null : json.writeValueAsString(r.extraData()),
                r.referenceId(),
                r.idempotencyKey(),
                utc(r.createdAt())
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO credit_history (" + ROW_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    @Override
    public boolean save(CreditWallet w, Instant now) {
        return jdbc.update(
                        """
                UPDATE credits SET balance = ?, total_earned = ?, total_spent = ?, version = ?, updated_at = ?
                WHERE user_id = ? AND version = ?""",
                        w.balance(),
                        w.totalEarned(),
                        w.totalSpent(),
                        w.version(),
                        utc(now),
                        w.userId(),
                        w.loadedVersion())
                == 1;
    }

    @Override
    public Optional<WalletBalance> balance(long userId) {
        return jdbc
                .query(
                        "SELECT balance, total_earned, total_spent, version, updated_at FROM credits "
                                + "WHERE user_id = ?",
                        (rs, n) -> new WalletBalance(
                                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), instant(rs, "updated_at")),
                        userId)
                .stream()
                .findFirst();
    }

    @Override
    public Page<CreditHistoryEntry> history(long userId, TransactionType type, int page, int pageSize) {
        String where = " FROM credit_history WHERE user_id = ?" + (type == null ? "" : " AND transaction_type = ?");
        Object[] args = type == null ? new Object[] {userId} : new Object[] {userId, type.wireName()};
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args);
        List<Object> pageArgs = new ArrayList<>(List.of(args));
        pageArgs.add(pageSize);
        pageArgs.add(Page.offset(page, pageSize));
        List<CreditHistoryEntry> items = jdbc.query(
                "SELECT " + ROW_COLUMNS + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                (rs, n) -> entry(rs),
                pageArgs.toArray());
        return new Page<>(items, total, page, pageSize);
    }

    @Override
    public Optional<CreditHistoryEntry> entry(long id) {
        return jdbc
                .query("SELECT " + ROW_COLUMNS + " FROM credit_history WHERE id = ?", (rs, n) -> entry(rs), id)
                .stream()
                .findFirst();
    }

    private CreditHistoryEntry entry(ResultSet rs) throws SQLException {
        String extra = rs.getString("extra_data");
        return new CreditHistoryEntry(
                rs.getLong("id"),
                rs.getLong("user_id"),
                TransactionType.fromWireName(rs.getString("transaction_type")).orElseThrow(),
                rs.getLong("amount"),
                rs.getLong("balance_before"),
                rs.getLong("balance_after"),
                rs.getString("description"),
                extra == null ? Map.of() : json.readValue(extra, EXTRA),
                rs.getString("reference_id"),
                rs.getString("idempotency_key"),
                instant(rs, "created_at"));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
