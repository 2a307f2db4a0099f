package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.application.port.LedgerStore;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.RecordedChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ledger in SQL, as few statements per batch as possible: one {@code SELECT ... FOR UPDATE} of the wallet row,
 * one {@code IN} query for the batch's idempotency keys, one JDBC batch insert of the new history rows, one balance
 * update. The CHECK constraints of the schema back the domain's rules.
 */
@Repository
class JdbcLedgerStore implements LedgerStore {

    private static final String LOCK = "SELECT balance FROM point_balances WHERE user_id = ? FOR UPDATE";
    private static final String INSERT_ROW = """
            INSERT INTO point_transactions (transaction_id, user_id, transaction_type, amount, balance_before,
                                            balance_after, reference_type, reference_id, idempotency_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    JdbcLedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long lockWallet(long userId, Instant now) {
        List<Long> balance = jdbc.queryForList(LOCK, Long.class, userId);
        if (balance.isEmpty()) {
            jdbc.update("""
                    INSERT INTO point_balances (user_id, balance, version, created_at, updated_at)
                    VALUES (?, 0, 0, ?, ?) ON DUPLICATE KEY UPDATE user_id = user_id""", userId, Timestamp.from(now), Timestamp.from(now));
            balance = jdbc.queryForList(LOCK, Long.class, userId);
        }
        return balance.getFirst();
    }

    @Override
    public Map<String, RecordedChange> recorded(Collection<String> idempotencyKeys) {
        Map<String, RecordedChange> found = new HashMap<>();
        if (idempotencyKeys.isEmpty()) {
            return found;
        }
        String in = String.join(",", Collections.nCopies(idempotencyKeys.size(), "?"));
        jdbc.query(
                "SELECT idempotency_key, transaction_id, user_id, amount, balance_after FROM point_transactions "
                        + "WHERE idempotency_key IN (" + in + ")",
                rs -> {
                    found.put(
                            rs.getString(1),
                            new RecordedChange(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                },
                idempotencyKeys.toArray());
        return found;
    }

    @Override
    public void append(long userId, List<PointTransaction> rows, long balanceAfter, Instant now) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (PointTransaction t : rows) {
            if (t.userId() != userId) {
                throw new IllegalArgumentException("Row of wallet " + t.userId() + " appended to wallet " + userId);
            }
            args.add(new Object[] {
                t.id(),
                t.userId(),
                t.type().name(),
                t.amount(),
                t.balanceBefore(),
                t.balanceAfter(),
                t.referenceType().name(),
                t.referenceId(),
                t.idempotencyKey(),
                Timestamp.from(t.createdAt())
            });
        }
        jdbc.batchUpdate(INSERT_ROW, args);
        jdbc.update(
                "UPDATE point_balances SET balance = ?, version = version + ?, updated_at = ? WHERE user_id = ?",
                balanceAfter,
                rows.size(),
                Timestamp.from(now),
                userId);
    }
}
