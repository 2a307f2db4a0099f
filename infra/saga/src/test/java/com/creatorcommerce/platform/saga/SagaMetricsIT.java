package com.creatorcommerce.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.MessagingAutoConfiguration;
import com.creatorcommerce.platform.messaging.outbox.JdbcOutbox;
import com.creatorcommerce.platform.snowflake.Snowflake;
import com.creatorcommerce.platform.snowflake.SnowflakeAutoConfiguration;
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
 * The gauges ops read (and {@code ./suite status} prints): sagas per type and status, sagas awaiting a reply past
 * their deadline, and the age of the oldest saga awaiting a reply; every registered type is reported, zero included.
 */
class SagaMetricsIT {

    record Job(long id) {}

    private static final SagaDefinition<Job> JOB = definition("test.job");
    private static final SagaDefinition<Job> IDLE = definition("test.idle");

    private static SagaDefinition<Job> definition(String type) {
        return SagaDefinition.builder(type, Job.class)
                .step(
                        "run",
                        s -> s.command(d -> SagaCommand.of("test.commands", Long.toString(d.id()), "test.run.v1", d))
                                .onSuccess("test.ran.v1")
                                .deadline(Duration.ofHours(1)))
                .build();
    }

    @Test
    void overdueSagasAndTheOldestAwaitingAReplyAreGaugedPerType() {
        try (TestDatabase db = TestDatabaseServer.get().create();
                HikariDataSource ds = pool(db)) {
            Flyway.configure()
                    .dataSource(ds)
                    .locations(
                            SnowflakeAutoConfiguration.FLYWAY_LOCATION,
                            MessagingAutoConfiguration.FLYWAY_LOCATION,
                            SagaAutoConfiguration.FLYWAY_LOCATION)
                    .load()
                    .migrate();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            SagaMetrics metrics =
                    new SagaMetrics(meters, new SagaQueries(ds), Set.of(JOB.type(), IDLE.type()), Duration.ofHours(1));
            SagaTransitions transitions = new SagaTransitions(
                    List.of(JOB, IDLE),
                    new SagaStore(ds),
                    new JdbcOutbox(ds, new Snowflake(1), new JsonMapper(), "/test", () -> {}),
                    new JsonMapper(),
                    metrics);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            for (long id = 1; id <= 3; id++) {
                long sagaId = id;
                tx.executeWithoutResult(s -> transitions.start(JOB, sagaId, new Job(sagaId)));
            }
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            // saga 1: its reply is overdue and nobody swept it; saga 2 started 90 s ago; saga 3 completed
            jdbc.update("UPDATE saga_instance SET deadline_at = TIMESTAMPADD(SECOND, -5, UTC_TIMESTAMP(6)) "
                    + "WHERE id = 1");
            jdbc.update("UPDATE saga_instance SET created_at = TIMESTAMPADD(SECOND, -90, UTC_TIMESTAMP(6)) "
                    + "WHERE id = 2");
            jdbc.update("UPDATE saga_instance SET status = 'COMPLETED', deadline_at = NULL, "
                    + "created_at = TIMESTAMPADD(HOUR, -5, UTC_TIMESTAMP(6)) WHERE id = 3");

            metrics.refresh();

            assertThat(gauge(meters, "saga.instances", "type", JOB.type(), "status", "RUNNING"))
                    .isEqualTo(2);
            assertThat(gauge(meters, "saga.instances", "type", JOB.type(), "status", "COMPLETED"))
                    .isEqualTo(1);
            assertThat(gauge(meters, "saga.instances", "type", IDLE.type(), "status", "RUNNING"))
                    .isZero();
            assertThat(gauge(meters, "saga.overdue", "type", JOB.type())).isEqualTo(1);
            assertThat(gauge(meters, "saga.overdue", "type", IDLE.type())).isZero();
            assertThat(gauge(meters, "saga.oldest_in_flight_age", "type", JOB.type()))
                    .as("the RUNNING saga started 90 s ago; the completed one, older, does not count")
                    .isBetween(90.0, 3600.0);
            assertThat(gauge(meters, "saga.oldest_in_flight_age", "type", IDLE.type()))
                    .isZero();

            jdbc.update("UPDATE saga_instance SET status = 'COMPENSATED', deadline_at = NULL WHERE id IN (1, 2)");
            metrics.refresh();

            assertThat(gauge(meters, "saga.overdue", "type", JOB.type())).isZero();
            assertThat(gauge(meters, "saga.oldest_in_flight_age", "type", JOB.type()))
                    .isZero();
            assertThat(gauge(meters, "saga.instances", "type", JOB.type(), "status", "COMPENSATED"))
                    .isEqualTo(2);
        }
    }

    private static double gauge(SimpleMeterRegistry meters, String name, String... tags) {
        var gauge = meters.find(name).tags(tags).gauge();
        assertThat(gauge).as(name + " " + String.join(",", tags)).isNotNull();
        return gauge.value();
    }

    private static HikariDataSource pool(TestDatabase db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.user());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(2);
        return ds;
    }
}
