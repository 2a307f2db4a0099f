package com.creatorcommerce.platform.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.test.TestDatabase;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class JdbcWorkerIdLeasingIT {

    private static TestDatabase db;

    @BeforeAll
    static void migrate() {
        db = TestDatabaseServer.get().create();
        Flyway.configure().dataSource(db.dataSource()).locations(SnowflakeAutoConfiguration.FLYWAY_LOCATION).load()
                .migrate();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void concurrentInstancesLeaseDistinctWorkerIds() throws Exception {
        FakeTime time = new FakeTime(Instant.parse("2026-11-21T00:00:00Z").toEpochMilli());
        JdbcWorkerIdLeasing leasing = new JdbcWorkerIdLeasing(db.dataSource(), time);
        List<Callable<WorkerLease>> starters = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String owner = "instance-" + i;
            starters.add(() -> leasing.acquire(owner, Duration.ofSeconds(60)));
        }
        Set<Integer> workers = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<WorkerLease> f : pool.invokeAll(starters)) {
                workers.add(f.get().workerId());
            }
        }
        assertThat(workers).hasSize(16);
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject(
                "SELECT COUNT(*) FROM snowflake_worker_lease WHERE owner LIKE 'instance-%'", Integer.class))
                .isEqualTo(16);
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheNewHolderStartsAfterIt() {
        long t0 = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
        FakeTime time = new FakeTime(t0);
        JdbcWorkerIdLeasing leasing = new JdbcWorkerIdLeasing(db.dataSource(), time);
        // occupy every worker id so that the takeover can only pick the one that expires
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        jdbc.update("UPDATE snowflake_worker_lease SET owner = 'someone-else', leased_until = ?", t0 + 3_600_000);
        jdbc.update("UPDATE snowflake_worker_lease SET owner = NULL, leased_until = 0 WHERE worker_id = 42");

        WorkerLease first = leasing.acquire("old", Duration.ofSeconds(30));
        assertThat(first.workerId()).isEqualTo(42);
        assertThat(leasing.renew(first, "old", Duration.ofSeconds(30))).isTrue();

        time.now.addAndGet(31_000); // old holder stopped heart-beating: its lease ran out at t0 + 30 s
        WorkerLease second = leasing.acquire("new", Duration.ofSeconds(30));

        assertThat(second.workerId()).isEqualTo(42);
        assertThat(second.notBeforeEpochMillis()).isEqualTo(t0 + 30_000);
        assertThat(leasing.renew(first, "old", Duration.ofSeconds(30))).as("old holder lost it").isFalse();

        jdbc.update("UPDATE snowflake_worker_lease SET owner = NULL, leased_until = 0 WHERE owner = 'someone-else'");
    }

    @Test
    void refusesToStartWhenEveryWorkerIdIsLeased() {
        long t0 = Instant.parse("2031-01-01T00:00:00Z").toEpochMilli();
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        jdbc.update("UPDATE snowflake_worker_lease SET owner = 'busy', leased_until = ?", t0 + 60_000);
        JdbcWorkerIdLeasing leasing = new JdbcWorkerIdLeasing(db.dataSource(), new FakeTime(t0));

        assertThatThrownBy(() -> leasing.acquire("late", Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("worker-id");

        jdbc.update("UPDATE snowflake_worker_lease SET owner = NULL, leased_until = 0");
    }

    @Test
    void aLeasedGeneratorReleasesItsWorkerIdOnClose() {
        JdbcWorkerIdLeasing leasing = new JdbcWorkerIdLeasing(db.dataSource(), TimeSource.SYSTEM);
        int worker;
        try (LeasedSnowflake snowflake = new LeasedSnowflake(leasing, TimeSource.SYSTEM, Duration.ofSeconds(60),
                Duration.ofMillis(10), Duration.ofSeconds(2))) {
            worker = snowflake.workerId();
            assertThat(Snowflake.workerOf(snowflake.nextId())).isEqualTo(worker);
        }
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject(
                "SELECT owner FROM snowflake_worker_lease WHERE worker_id = ?", String.class, worker)).isNull();
    }
}
