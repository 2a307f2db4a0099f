package com.creatorcommerce.platform.test;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** One fresh database on the {@link TestDatabaseServer}; {@link #close()} drops it. */
public final class TestDatabase implements AutoCloseable {

    private final TestDatabaseServer server;
    private final String name;

    TestDatabase(TestDatabaseServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    /** A plain (unpooled) data source, for tests outside Spring. */
    public DataSource dataSource() {
        return new DriverManagerDataSource(jdbcUrl(), user(), password());
    }

    @Override
    public void close() {
        server.execute("DROP DATABASE IF EXISTS " + name);
    }
}
