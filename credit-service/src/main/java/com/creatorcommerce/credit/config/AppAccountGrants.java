package com.creatorcommerce.credit.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the migrations (run by the schema's owner account, {@code spring.flyway.user}), grants the application's
 * account ({@code credit.database.app-accounts}) exactly what it needs, table by table (ADR 16): SELECT and INSERT
 * on the append-only history ({@code credit_history}, {@code credit_usages}: never updated or deleted; the law
 * keeps them five years), SELECT, INSERT, UPDATE and DELETE on every other table, nothing on
 * {@code flyway_schema_history}, and no DDL, TRIGGER or DROP anywhere: the application cannot drop the triggers that
 * guard the history. Every start grants again (GRANT is idempotent), so a table added by a new migration is covered
 * once the service starts. No accounts configured (one account runs both, as on a stack that has no owner account):
 * nothing is granted.
 */
final class AppAccountGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(AppAccountGrants.class);
    /** Append-only tables: the application may only read and add rows. */
    static final Set<String> APPEND_ONLY = Set.of("credit_history", "credit_usages");

    private static final Pattern ACCOUNT = Pattern.compile("'[A-Za-z0-9_]{1,80}'@'[A-Za-z0-9_.%:-]{1,255}'");

    private final List<String> accounts;

    AppAccountGrants(List<String> accounts) {
        for (String a : accounts) {
            if (!ACCOUNT.matcher(a).matches()) {
                throw new IllegalArgumentException(
                        "credit.database.app-accounts: '" + a + "' is no account " + "('user'@'host')");
            }
        }
        this.accounts = List.copyOf(accounts);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && !accounts.isEmpty();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection c = context.getConnection();
            List<String> tables = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT table_name FROM "
                            + "information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' "
                            + "AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    String privileges =
                            APPEND_ONLY.contains(table) ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
                    for (String account : accounts) {
                        s.execute("GRANT " + privileges + " ON `" + table.replace("`", "") + "` TO " + account);
                    }
                }
            }
            log.info(
                    "Granted the application's account(s) {} per-table privileges on {} tables ({} append-only)",
                    accounts,
                    tables.size(),
                    APPEND_ONLY);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not grant " + accounts + " their table privileges (the Flyway "
                            + "account needs GRANT OPTION on the schema)",
                    e);
        }
    }

    @Override
    public String getCallbackName() {
        return "credit-app-account-grants";
    }
}
