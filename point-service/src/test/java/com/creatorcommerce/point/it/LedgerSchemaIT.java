package com.creatorcommerce.point.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** The schema is the last line of defence of the ledger rules, whatever code writes to it. */
class LedgerSchemaIT extends PointIntegrationTest {

    @Autowired
    PointLedger ledger;

    private static final String INSERT = """
            INSERT INTO point_transactions (transaction_id, user_id, transaction_type, amount, balance_before,
                balance_after, reference_type, reference_id, idempotency_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'ORDER', 1, ?, NOW(6))""";

    @Test
    void aBalanceCannotGoBelowZero() {
        long user = newId();
        ledger.apply(new LedgerEntry(user, TransactionType.CHARGE, 100, ReferenceType.ORDER, newId(), null, null));

        assertThatThrownBy(
                        () -> jdbc.update("UPDATE point_balances SET balance = balance - 101 WHERE user_id = ?", user))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(balance(user)).isEqualTo(100);
    }

    @Test
    void aHistoryRowMustAddUpHaveTheSignOfItsTypeAndHappenOnce() {
        long user = newId();
        assertThatThrownBy(() -> jdbc.update(INSERT, newId(), user, "CHARGE", 10, 0, 11, "k-" + newId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(INSERT, newId(), user, "USE", 10, 0, 10, "k-" + newId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(INSERT, newId(), user, "USE", -10, 5, -5, "k-" + newId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        String key = "k-" + newId();
        jdbc.update(INSERT, newId(), user, "CHARGE", 10, 0, 10, key);
        assertThatThrownBy(() -> jdbc.update(INSERT, newId(), user, "CHARGE", 10, 10, 20, key))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("DELETE FROM point_transactions WHERE idempotency_key = ?", key); // keep the shared ledger valid
    }
}
