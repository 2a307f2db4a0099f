package com.creatorcommerce.platform.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database account of its own on the {@link TestDatabaseServer}, with no privileges at first: for a service whose
 * application runs as a less privileged account than its migrations (the migrations grant it what it needs). Named
 * {@code <prefix>_<epoch-seconds>_<random>} and reachable from any host ({@code '%'}); {@link #drop()} removes it, a
 * JVM shutdown hook too, and accounts of this prefix older than six hours (left by a killed JVM) are dropped when a
 * new one is created.
 */
public final class TestDatabaseAccount {

    private final TestDatabaseServer server;
    private final String user;
    private final String password;

    private TestDatabaseAccount(TestDatabaseServer server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
    }

    /**
     * Creates an account named after {@code prefix} (lowercase letters, digits and underscores, at most 12
     * characters) with a random password and no privileges.
     */
    public static TestDatabaseAccount create(String prefix) {
        if (!prefix.matches("[a-z][a-z0-9_]{0,11}")) {
            throw new IllegalArgumentException("An account prefix is lowercase letters, digits and _: " + prefix);
        }
        TestDatabaseServer server = TestDatabaseServer.get();
        dropStale(server, prefix);
        String user = prefix + "_" + Long.toString(Instant.now().getEpochSecond(), 36) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE), 36);
        String password = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36) + "Aa1";
        server.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        TestDatabaseAccount account = new TestDatabaseAccount(server, user, password);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(account::dropQuietly));
        return account;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The account as SQL names it in GRANT: {@code 'user'@'%'}. */
    public String account() {
        return "'" + user + "'@'%'";
    }

    public void drop() {
        server.execute("DROP USER IF EXISTS " + account());
    }

    private void dropQuietly() {
        try {
            drop();
        } catch (RuntimeException e) {
            // the server may be gone already at JVM exit; a stale account is dropped by the next run
        }
    }

    private static void dropStale(TestDatabaseServer server, String prefix) {
        long cutoff = Instant.now().getEpochSecond() - 6 * 3600;
        List<String> stale = new ArrayList<>();
        try (Connection c = server.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT user FROM mysql.user WHERE host = '%' AND user LIKE '"
                        + prefix.replace("_", "\\_") + "\\_%\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).substring(prefix.length() + 1).split("_");
                if (parts.length == 2 && parts[0].matches("[0-9a-z]{1,12}") && Long.parseLong(parts[0], 36) < cutoff) {
                    stale.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            return; // not allowed to read the account list: leave them
        }
        for (String user : stale) {
            server.execute("DROP USER IF EXISTS '" + user + "'@'%'");
        }
    }
}
