package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import com.creatorcommerce.platform.test.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History rows are never updated or deleted (issue 14: five years of retention), and the service cannot make it
 * otherwise (ADR 16): it runs as an account of its own that may only read and add {@code credit_history} and
 * {@code credit_usages} rows and has no DDL, TRIGGER or DROP privilege, while the migrations run as the schema's
 * owner. Even the owner's UPDATE or DELETE of a history row is refused by the triggers.
 */
class HistoryRetentionIT extends CreditIntegrationTest {

    @Autowired
    TestDatabase database;

    private static void denied(Runnable statement) {
        assertThatThrownBy(statement::run)
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("denied"); // "... command denied to user ...", not a trigger's refusal
    }

    @Test
    void theServicesAccountCanNeitherChangeNorDeleteHistoryNorDropItsTriggers() {
        long user = newUser();
        fund(user, 50);
        Http.Response donated = http.post(
                "/v1/donations",
                token(user),
                "{\"creator_id\":\"" + newUser() + "\",\"credits\":20}",
                Map.of("Idempotency-Key", newKey("d-")));
        assertThat(donated.status()).as(donated.toString()).isEqualTo(201);
        long row = jdbc.queryForObject(
                "SELECT id FROM credit_history WHERE user_id = ? AND transaction_type = " + "'bonus'",
                Long.class,
                user);
        assertThat(jdbc.queryForObject("SELECT CURRENT_USER()", String.class))
                .as("the service's connection is its own account, not the owner's")
                .startsWith(CreditIntegrationTest.APP_ACCOUNT.user() + "@");

        denied(() -> jdbc.update("UPDATE credit_history SET description = 'x' WHERE id = ?", row));
        denied(() -> jdbc.update("DELETE FROM credit_history WHERE id = ?", row));
        denied(() -> jdbc.update("DELETE FROM credit_history WHERE user_id = ?", user));
        denied(() -> jdbc.update(
                "UPDATE credit_usages SET credits = credits + 1 WHERE history_id IN "
                        + "(SELECT id FROM credit_history WHERE user_id = ?)",
                user));
        denied(() -> jdbc.update("DELETE FROM credit_usages WHERE lot_id > 0"));
        denied(() -> jdbc.execute("DROP TRIGGER trg_credit_history_no_update"));
        denied(() -> jdbc.execute("DROP TRIGGER trg_credit_history_no_delete"));
        denied(() -> jdbc.execute("CREATE TRIGGER trg_x BEFORE DELETE ON credit_history FOR EACH ROW SET @x = 1"));
        denied(() -> jdbc.execute("TRUNCATE TABLE credit_history"));
        denied(() -> jdbc.execute("DROP TABLE credit_history"));
        denied(() -> jdbc.execute("ALTER TABLE credit_history ADD COLUMN x INT NULL"));
        denied(() -> jdbc.execute("RENAME TABLE credit_history TO credit_history_old"));

        JdbcTemplate owner = new JdbcTemplate(database.dataSource());
        assertThat(owner.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = "
                                + "DATABASE() AND event_object_table = 'credit_history'",
                        Integer.class))
                .isEqualTo(2);
        assertThatThrownBy(() -> owner.update("UPDATE credit_history SET description = 'x' WHERE id = ?", row))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("DELETE FROM credit_history WHERE id = ?", row))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        denied(() -> jdbc.update("UPDATE credit_history SET description = 'x' WHERE id = ?", row)); // still
        assertThat(jdbc.queryForObject("SELECT description FROM credit_history WHERE id = ?", String.class, row))
                .isEqualTo("Bonus: test credits");
        assertThat(historyRows(user, "bonus") + historyRows(user, "donation")).isEqualTo(2);
        assertThat(balance(user)).isEqualTo(30);
    }

    @Test
    void theServicesAccountHoldsOnlyPerTableReadAndWritePrivileges() {
        List<String> grants = jdbc.queryForList("SHOW GRANTS FOR CURRENT_USER()", String.class);

        assertThat(grants)
                .noneMatch(g -> g.contains("ALL PRIVILEGES")
                        || g.contains("TRIGGER")
                        || g.contains("DROP")
                        || g.contains("ALTER")
                        || g.contains("CREATE")
                        || g.contains("GRANT OPTION"));
        assertThat(grants)
                .as("no schema-wide or server-wide privilege")
                .noneMatch(g -> g.contains("`.*"))
                .allMatch(g -> !g.contains("*.*") || g.startsWith("GRANT USAGE ON *.*"));
        assertThat(grants).anyMatch(g -> g.startsWith("GRANT SELECT, INSERT ON ") && g.contains("`credit_history`"));
        assertThat(grants).anyMatch(g -> g.startsWith("GRANT SELECT, INSERT ON ") && g.contains("`credit_usages`"));
        assertThat(grants)
                .anyMatch(g -> g.startsWith("GRANT SELECT, INSERT, UPDATE, DELETE ON ") && g.contains("`credits`"));
        assertThat(grants).noneMatch(g -> g.contains("`flyway_schema_history`"));
    }
}
