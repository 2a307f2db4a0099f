package com.creatorcommerce.credit.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger rules, checked with SQL over the whole database: seed 000's two integrity queries exactly as the seed
 * writes them (the first returns no row; the second returns every history row, all of them {@code OK}), plus
 * ARCHITECTURE.md's: nothing below zero, each row continues the previous one of its wallet from 0 (no lost update),
 * the version counts the rows, and the totals add up.
 */
public final class LedgerChecks {

    /** Seed 000, query 1, unchanged: wallets whose balance differs from the sum of their history. */
    public static final String SEED_BALANCE_EQUALS_HISTORY = """
            SELECT
              c.user_id,
              c.balance as current_balance,
              COALESCE(SUM(h.amount), 0) as history_sum
            FROM credits c
            LEFT JOIN credit_history h ON c.user_id = h.user_id
            GROUP BY c.user_id, c.balance
            HAVING c.balance != COALESCE(SUM(h.amount), 0)""";

    /** Seed 000, query 2, unchanged: every history row with its arithmetic verdict. */
    public static final String SEED_ROW_ARITHMETIC = """
            SELECT
              user_id,
              created_at,
              type,
              amount,
              balance_before,
              balance_after,
              (balance_before + amount) as expected_balance_after,
              CASE
                WHEN (balance_before + amount) = balance_after THEN 'OK'
                ELSE 'MISMATCH'
              END as status
            FROM credit_history
            ORDER BY user_id, created_at""";

    private final JdbcTemplate jdbc;

    public LedgerChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void assertInvariants() {
        assertThat(jdbc.queryForList(SEED_BALANCE_EQUALS_HISTORY))
                .as("seed 000 query 1: balance = sum of history")
                .isEmpty();
        List<Map<String, Object>> rows = jdbc.queryForList(SEED_ROW_ARITHMETIC);
        assertThat(rows.stream().filter(r -> !"OK".equals(r.get("status"))).toList())
                .as("seed 000 query 2: rows whose status is not OK")
                .isEmpty();
        assertThat(count("SELECT COUNT(*) FROM credits WHERE balance < 0")
                        + count("SELECT COUNT(*) FROM credit_history WHERE balance_before < 0 OR balance_after < 0"))
                .as("never below zero")
                .isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM credit_history h
                WHERE NOT EXISTS (SELECT 1 FROM credits c WHERE c.user_id = h.user_id)""")).as("history without wallet").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM (
                  SELECT balance_before,
                         COALESCE(LAG(balance_after) OVER (PARTITION BY user_id ORDER BY id), 0) AS previous_after
                  FROM credit_history) chain
                WHERE previous_after <> balance_before""")).as("every row continues the previous one").isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM credits c
                WHERE c.version <> (SELECT COUNT(*) FROM credit_history h WHERE h.user_id = c.user_id)
                   OR c.total_earned <> (SELECT COALESCE(SUM(amount), 0) FROM credit_history h
                                         WHERE h.user_id = c.user_id AND h.transaction_type IN ('purchase', 'bonus'))
                   OR c.total_spent <> (SELECT COALESCE(-SUM(amount), 0) FROM credit_history h
                                        WHERE h.user_id = c.user_id AND h.transaction_type IN ('usage', 'donation'))"""))
                .as("version = history rows; totals = sums by type")
                .isZero();
        assertLots();
    }

    /** Issue 14: the lots ({@code credit_topups}) and their usages agree with the wallets and the history. */
    public void assertLots() {
        assertThat(jdbc.queryForList("""
                SELECT c.user_id FROM credits c
                WHERE c.balance <> (SELECT COALESCE(SUM(t.remaining), 0) FROM credit_topups t
                                    WHERE t.user_id = c.user_id)"""))
                .as("balance = sum of the lots' remaining")
                .isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT t.id FROM credit_topups t
                WHERE t.credits <> t.remaining + (SELECT COALESCE(SUM(u.credits), 0) FROM credit_usages u
                                                  WHERE u.lot_id = t.id)"""))
                .as("each lot's credits = remaining + what its usages took")
                .isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT h.id FROM credit_history h
                WHERE h.amount < 0 AND -h.amount <> (SELECT COALESCE(SUM(u.credits), 0) FROM credit_usages u
                                                     WHERE u.history_id = h.id)"""))
                .as("each debit took exactly its credits from lots")
                .isEmpty();
        assertThat(jdbc.queryForList("""
                SELECT h.id FROM credit_history h
                WHERE h.amount > 0 AND NOT EXISTS (SELECT 1 FROM credit_topups t WHERE t.history_id = h.id
                                                   AND t.credits = h.amount)"""))
                .as("each credit added one lot of its credits")
                .isEmpty();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
