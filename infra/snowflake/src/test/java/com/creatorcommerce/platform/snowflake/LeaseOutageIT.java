package com.creatorcommerce.platform.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TcpProxy;
import com.creatorcommerce.platform.test.TestDatabase;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database goes away for longer than the lease TTL (a {@link TcpProxy} between the generator's pool and the
 * real server is cut) and comes back: ids resume without a restart, none repeats across the outage, and the
 * {@code snowflake} health is DOWN meanwhile and UP after.
 */
class LeaseOutageIT {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int IDS = 10_000;

    private TestDatabase db;
    private TcpProxy proxy;
    private HikariDataSource proxied;
    private JdbcTemplate direct;
    private JdbcWorkerIdLeasing directLeasing;

    @BeforeEach
    void databaseBehindAProxy() {
        db = TestDatabaseServer.get().create();
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations(SnowflakeAutoConfiguration.FLYWAY_LOCATION)
                .load()
                .migrate();
        direct = new JdbcTemplate(db.dataSource());
        directLeasing = new JdbcWorkerIdLeasing(db.dataSource());
        URI server = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        proxy = TcpProxy.to(server.getHost(), server.getPort());
        proxied = new HikariDataSource();
        proxied.setJdbcUrl(db.jdbcUrl().replace(server.getHost() + ":" + server.getPort(), proxy.address()));
        proxied.setUsername(db.user());
        proxied.setPassword(db.password());
        proxied.setMaximumPoolSize(2);
        proxied.setConnectionTimeout(250);
        proxied.setValidationTimeout(250);
        proxied.addDataSourceProperty("connectTimeout", "1000");
        proxied.addDataSourceProperty("socketTimeout", "3000");
    }

    @AfterEach
    void tearDown() {
        proxied.close();
        proxy.close();
        db.close();
    }

    private LeasedSnowflake leasedThroughTheProxy() {
        return new LeasedSnowflake(
                new JdbcWorkerIdLeasing(proxied), TimeSource.SYSTEM, TTL, Duration.ofMillis(10), Duration.ofSeconds(2));
    }

    private void generate(IdGenerator generator, int count, Set<Long> into) {
        for (int i = 0; i < count; i++) {
            into.add(generator.nextId());
        }
    }

    /** Cuts the database off until the generator refuses ids and its lease has expired on the database's clock. */
    private void outagePastTheTtl(LeasedSnowflake generator, SnowflakeHealthIndicator health, int worker) {
        proxy.cut();
        Await.until("health DOWN with the renewal error", PATIENCE, () -> {
            Health h = health.health();
            return h.getStatus().equals(Status.DOWN) && h.getDetails().containsKey("lastError");
        });
        assertThat(health.health().getDetails())
                .containsEntry("workerId", worker)
                .containsKey("validUntil");
        assertThatThrownBy(generator::nextId)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("worker id " + worker);
        Await.until(
                "the lease to expire in the database",
                PATIENCE,
                () -> direct.queryForObject(
                                "SELECT leased_until FROM snowflake_worker_lease WHERE worker_id = ?",
                                Long.class,
                                worker)
                        < directLeasing.databaseMillis());
    }

    /** Waits until the generator hands out ids again; returns the first one. */
    private long firstIdAfterRestore(LeasedSnowflake generator) {
        AtomicLong first = new AtomicLong();
        Await.until("ids to resume", PATIENCE, () -> {
            try {
                first.set(generator.nextId());
                return true;
            } catch (IllegalStateException refused) {
                return false;
            }
        });
        return first.get();
    }

    @Test
    void idsResumeOnTheSameWorkerIdAfterAnOutagePastTheTtl() {
        Set<Long> ids = new HashSet<>();
        try (LeasedSnowflake generator = leasedThroughTheProxy()) {
            SnowflakeHealthIndicator health = new SnowflakeHealthIndicator(generator);
            int worker = generator.workerId();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            generate(generator, IDS, ids);

            outagePastTheTtl(generator, health, worker);
            proxy.restore();

            ids.add(firstIdAfterRestore(generator));
            generate(generator, IDS - 1, ids);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).doesNotContainKey("lastError");
            assertThat(generator.workerId()).as("nobody took it meanwhile").isEqualTo(worker);
        }
        assertThat(ids).hasSize(2 * IDS);
    }

    @Test
    void takesItsWorkerIdBackAfterAnInterimHolderReleasedIt() {
        Set<Long> ids = new HashSet<>();
        try (LeasedSnowflake generator = leasedThroughTheProxy()) {
            SnowflakeHealthIndicator health = new SnowflakeHealthIndicator(generator);
            int worker = generator.workerId();
            occupyAllWorkerIdsBut(worker);
            generate(generator, IDS, ids);

            outagePastTheTtl(generator, health, worker);
            // meanwhile another instance takes the expired worker id over, uses it and shuts down
            try (LeasedSnowflake interim = new LeasedSnowflake(
                    directLeasing, TimeSource.SYSTEM, TTL, Duration.ofMillis(10), Duration.ofSeconds(2))) {
                assertThat(interim.workerId()).isEqualTo(worker);
                generate(interim, IDS, ids);
            }
            proxy.restore();

            ids.add(firstIdAfterRestore(generator));
            generate(generator, IDS - 1, ids);
            assertThat(generator.workerId())
                    .as("free again, so the same worker id")
                    .isEqualTo(worker);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(ids).hasSize(3 * IDS);
    }

    @Test
    void movesToAnotherWorkerIdWhenItsOwnWasTakenOverDuringTheOutage() {
        Set<Long> ids = new HashSet<>();
        try (LeasedSnowflake generator = leasedThroughTheProxy()) {
            SnowflakeHealthIndicator health = new SnowflakeHealthIndicator(generator);
            int worker = generator.workerId();
            occupyAllWorkerIdsBut(worker);
            generate(generator, IDS, ids);

            outagePastTheTtl(generator, health, worker);
            try (LeasedSnowflake usurper = new LeasedSnowflake(
                    directLeasing, TimeSource.SYSTEM, TTL, Duration.ofMillis(10), Duration.ofSeconds(2))) {
                assertThat(usurper.workerId()).isEqualTo(worker);
                int spare = worker == 0 ? 1 : 0;
                direct.update(
                        "UPDATE snowflake_worker_lease SET owner = NULL, leased_until = 0 WHERE worker_id = ?", spare);
                proxy.restore();

                ids.add(firstIdAfterRestore(generator));
                generate(generator, IDS - 1, ids);
                generate(usurper, IDS, ids);
                assertThat(generator.workerId())
                        .as("its own is held by the usurper")
                        .isEqualTo(spare);
                assertThat(health.health().getDetails()).containsEntry("workerId", spare);
            }
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(ids).hasSize(3 * IDS);
    }

    private void occupyAllWorkerIdsBut(int worker) {
        direct.update(
                "UPDATE snowflake_worker_lease SET owner = 'other-instance', leased_until = ?"
                        + " WHERE worker_id <> ?",
                directLeasing.databaseMillis() + 3_600_000,
                worker);
    }
}
