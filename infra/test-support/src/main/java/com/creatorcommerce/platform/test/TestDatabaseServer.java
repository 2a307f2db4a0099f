package com.creatorcommerce.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The MySQL-compatible server tests run against, and fresh databases on it.
 *
 * <ul>
 *   <li>{@code SUITE_TEST_DB_URL} set: that server (e.g. {@code jdbc:mariadb://127.0.0.1:3306}), user
 *       {@code SUITE_TEST_DB_USER} (root) and {@code SUITE_TEST_DB_PASSWORD} (empty);</li>
 *   <li>else a Docker engine: a Testcontainers MySQL 8.4 container, shared by the JVM;</li>
 *   <li>else the local server at {@code jdbc:mariadb://127.0.0.1:3306} as root.</li>
 * </ul>
 * Each database is named {@code t_<epoch-seconds>_<random>}; stale ones (older than six hours, left by a killed
 * run) are dropped when the server is first used.
 */
public final class TestDatabaseServer {

    private static final Logger log = LoggerFactory.getLogger(TestDatabaseServer.class);
    private static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306";
    private static volatile TestDatabaseServer instance;

    private final String serverUrl;
    private final String params;
    private final String user;
    private final String password;

    private TestDatabaseServer(String url, String user, String password) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        this.params = q < 0 ? "" : url.substring(q);
        // strip a database path if one was given: jdbc:mysql://host:port[/db]
        int hostStart = base.indexOf("//") + 2;
        int slash = base.indexOf('/', hostStart);
        this.serverUrl = slash < 0 ? base : base.substring(0, slash);
        this.user = user;
        this.password = password;
    }

    public static TestDatabaseServer get() {
        if (instance == null) {
            synchronized (TestDatabaseServer.class) {
                if (instance == null) {
                    instance = pick();
                    instance.dropStaleDatabases();
                }
            }
        }
        return instance;
    }

    private static TestDatabaseServer pick() {
        String url = System.getenv("SUITE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new TestDatabaseServer(url, env("SUITE_TEST_DB_USER", "root"), env("SUITE_TEST_DB_PASSWORD", ""));
        }
        if (DockerProbe.available()) {
            MySQLContainer mysql = new MySQLContainer("mysql:8.4")
                    .withUsername("root")
                    .withPassword("test")
                    .withCommand("--max-connections=500");
            mysql.start();
            log.info("Tests use a MySQL container at {}", mysql.getJdbcUrl());
            return new TestDatabaseServer(mysql.getJdbcUrl(), "root", "test");
        }
        log.info("No Docker engine: tests use the local MySQL-compatible server at {}", DEFAULT_URL);
        return new TestDatabaseServer(DEFAULT_URL, "root", "");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** Creates a new, empty database. */
    public TestDatabase create() {
        String name = "t_" + Instant.now().getEpochSecond() + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabase(this, name);
    }

    String jdbcUrl(String database) {
        String extra = serverUrl.startsWith("jdbc:mysql:")
                ? "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                : "";
        String query =
                params.isEmpty() ? (extra.isEmpty() ? "" : "?" + extra) : params + (extra.isEmpty() ? "" : "&" + extra);
        return serverUrl + "/" + database + query;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    void execute(String sql) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database server at " + serverUrl + " failed: " + sql, e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl + "/" + params, user, password);
    }

    private void dropStaleDatabases() {
        long cutoff = Instant.now().getEpochSecond() - 6 * 3600;
        List<String> stale = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata "
                        + "WHERE schema_name LIKE 't\\_%\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.split("_");
                if (parts.length == 3 && parts[1].matches("\\d+") && Long.parseLong(parts[1]) < cutoff) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot reach the test database server at " + serverUrl
                            + " (set SUITE_TEST_DB_URL, or start MariaDB/MySQL on 127.0.0.1:3306)",
                    e);
        }
        stale.forEach(name -> execute("DROP DATABASE IF EXISTS " + name));
    }
}
