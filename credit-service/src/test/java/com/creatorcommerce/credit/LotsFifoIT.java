package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: every credit is a lot ({@code credit_topups}), every spend takes from the oldest lots first
 * ({@code credit_usages}). That history cannot be changed is {@link HistoryRetentionIT}'s.
 */
class LotsFifoIT extends CreditIntegrationTest {

    @Test
    void spendsTakeFromTheOldestLotsFirstAcrossThreeLots() {
        long user = newUser();
        fund(user, 10);
        fund(user, 20);
        fund(user, 30);
        List<Long> lots = jdbc.queryForList(
                "SELECT id FROM credit_topups WHERE user_id = ? ORDER BY purchased_at, id", Long.class, user);
        assertThat(lots).hasSize(3);

        Http.Response first = use(user, 15, "virtual-try-on", newKey("fifo-"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(remaining(lots)).containsExactly(0L, 15L, 30L);
        assertThat(usages(Long.parseLong(first.text("transaction_id"))))
                .containsExactly(Map.of(lots.get(0), 10L), Map.of(lots.get(1), 5L));

        Http.Response second = use(user, 25, "virtual-try-on", newKey("fifo-"));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(remaining(lots)).containsExactly(0L, 0L, 20L);
        assertThat(usages(Long.parseLong(second.text("transaction_id"))))
                .containsExactly(Map.of(lots.get(1), 15L), Map.of(lots.get(2), 10L));
        assertThat(jdbc.queryForList(
                        "SELECT status FROM credit_topups WHERE user_id = ? ORDER BY purchased_at, id",
                        String.class,
                        user))
                .containsExactly("SPENT", "SPENT", "ACTIVE");
        assertThat(balance(user)).isEqualTo(20);

        assertThat(use(user, 21, "virtual-try-on", newKey("fifo-")).isProblem(402, "INSUFFICIENT_CREDITS"))
                .isTrue();
        assertThat(remaining(lots)).containsExactly(0L, 0L, 20L);
    }

    @Test
    void aBonusLotIsNotRefundableAndKeepsItsGrantAsSource() {
        long user = newUser();
        Http.Response r = grant(user, 7);
        Map<String, Object> lot = jdbc.queryForMap("SELECT * FROM credit_topups WHERE user_id = ?", user);
        assertThat(lot.get("source")).isEqualTo("bonus");
        assertThat(lot.get("source_id")).isEqualTo(r.text("id"));
        assertThat(((Number) lot.get("remaining")).longValue()).isEqualTo(7);
        assertThat(lot.get("refundable_until")).isNull();
        assertThat(lot.get("price")).isNull();
    }

    private List<Long> remaining(List<Long> lots) {
        return lots.stream()
                .map(id -> jdbc.queryForObject("SELECT remaining FROM credit_topups WHERE id = ?", Long.class, id))
                .toList();
    }

    /** What a debit took, lot by lot, oldest lot first. */
    private List<Map<Long, Long>> usages(long historyId) {
        return jdbc.query("""
                SELECT u.lot_id, u.credits FROM credit_usages u JOIN credit_topups t ON t.id = u.lot_id
                WHERE u.history_id = ? ORDER BY t.purchased_at, t.id""", (rs, n) -> Map.of(rs.getLong(1), rs.getLong(2)), historyId);
    }
}
