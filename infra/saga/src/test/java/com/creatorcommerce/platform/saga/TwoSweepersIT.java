package com.creatorcommerce.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.MessagingAutoConfiguration;
import com.creatorcommerce.platform.messaging.outbox.JdbcOutbox;
import com.creatorcommerce.platform.snowflake.Snowflake;
import com.creatorcommerce.platform.snowflake.SnowflakeAutoConfiguration;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestDatabase;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two service instances (two engines, two pools) sweep one database at once: every expired saga is handled exactly
 * once (one DEADLINE row, one re-sent command, one version bump each), whoever gets it.
 */
class TwoSweepersIT {

    private static final int SAGAS = 300;

    record Job(long id) {}

    private static final SagaDefinition<Job> DEFINITION = SagaDefinition.builder("test.job", Job.class)
            .step(
                    "run",
                    s -> s.command(d -> SagaCommand.of("test.commands", Long.toString(d.id()), "test.run.v1", d))
                            .onSuccess("test.ran.v1")
                            .deadline(Duration.ofHours(1))
                            .retryable(2))
            .build();

    /** One service instance over the shared database. */
    private record Instance(
            SagaTransitions transitions,
            SagaDeadlineSweeper sweeper,
            SimpleMeterRegistry meters,
            TransactionTemplate tx) {
        static Instance on(HikariDataSource ds, int worker) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            SagaTransitions transitions = new SagaTransitions(
                    List.of(DEFINITION),
                    new SagaStore(ds),
                    new JdbcOutbox(ds, new Snowflake(worker), new JsonMapper(), "/test", () -> {}),
                    new JsonMapper(),
                    new SagaMetrics(meters, new SagaQueries(ds), Set.of(DEFINITION.type()), Duration.ofHours(1)));
            DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
            return new Instance(
                    transitions,
                    new SagaDeadlineSweeper(
                            transitions, new SagaStore(ds), tm, Duration.ofMillis(10), 25, Duration.ofSeconds(30)),
                    meters,
                    new TransactionTemplate(tm));
        }

        double expiries() {
            var c = meters.find("saga.deadline.expired").counter();
            return c == null ? 0 : c.count();
        }
    }

    @Test
    void twoSweepersHandleEveryExpiredSagaExactlyOnce() {
        try (TestDatabase db = TestDatabaseServer.get().create();
                HikariDataSource dsA = pool(db);
                HikariDataSource dsB = pool(db)) {
            Flyway.configure()
                    .dataSource(dsA)
                    .locations(
                            SnowflakeAutoConfiguration.FLYWAY_LOCATION,
                            MessagingAutoConfiguration.FLYWAY_LOCATION,
                            SagaAutoConfiguration.FLYWAY_LOCATION)
                    .load()
                    .migrate();
            Instance a = Instance.on(dsA, 1);
            Instance b = Instance.on(dsB, 2);
            for (int i = 0; i < SAGAS; i++) {
                long id = 1_000 + i;
                a.tx().executeWithoutResult(s -> a.transitions().start(DEFINITION, id, new Job(id)));
            }
            JdbcTemplate jdbc = new JdbcTemplate(dsA);
            jdbc.update("UPDATE saga_instance SET deadline_at = TIMESTAMPADD(SECOND, -1, UTC_TIMESTAMP(6))");

            a.sweeper().start();
            b.sweeper().start();
            try {
                Await.until(
                        "every saga's deadline handled",
                        Duration.ofSeconds(60),
                        () -> jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM saga_instance WHERE attempts = 2", Integer.class)
                                == SAGAS);
                Await.until(
                        "both sweepers idle",
                        Duration.ofSeconds(10),
                        () -> jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM saga_instance WHERE deadline_at <= UTC_TIMESTAMP(6)",
                                        Integer.class)
                                == 0);
            } finally {
                a.sweeper().stop();
                b.sweeper().stop();
            }

            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM saga_step_log WHERE event = 'DEADLINE'", Integer.class))
                    .isEqualTo(SAGAS);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM saga_step_log WHERE event = 'RETRY'", Integer.class))
                    .isEqualTo(SAGAS);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Integer.class))
                    .as("first send + one re-send per saga")
                    .isEqualTo(2 * SAGAS);
            assertThat(jdbc.queryForList("SELECT DISTINCT version FROM saga_instance", Long.class))
                    .as("one transition after the start, per saga")
                    .containsExactly(1L);
            assertThat(jdbc.queryForList("SELECT DISTINCT status FROM saga_instance", String.class))
                    .containsExactly("RUNNING");
            assertThat(a.expiries() + b.expiries()).isEqualTo(SAGAS);
            System.out.printf("expired sagas handled: instance A %.0f, instance B %.0f%n", a.expiries(), b.expiries());
        }
    }

    private static HikariDataSource pool(TestDatabase db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.user());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(4);
        return ds;
    }
}
