package com.creatorcommerce.platform.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestDatabase;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import java.time.Duration;
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
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations(SnowflakeAutoConfiguration.FLYWAY_LOCATION)
                .load()
                .migrate();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void concurrentInstancesLeaseDistinctWorkerIds() throws Exception {
        JdbcWorkerIdLeasing leasing = new JdbcWorkerIdLeasing(db.dataSource());
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
        assertThat(new JdbcTemplate(db.dataSource())
                        .queryForObject(
                                "SELECT COUNT(*) FROM snowflake_worker_lease WHERE owner LIKE 'instance-%'",
                                Integer.class))
                .isEqualTo(16);
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheNewHolderStartsAfterIt() {
        JdbcWorkerIdLeasing leasing = new JdbcWorkerIdLeasing(db.dataSource());
        // occupy every worker id so that the takeover can only pick the one that expires
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        jdbc.update(
                "UPDATE snowflake_worker_lease SET owner = 'someone-else', leased_until = ?",
                leasing.databaseMillis() + 3_600_000);
        jdbc.update("UPDATE snowflake_worker_lease SET owner = NULL, leased_until = 0 WHERE worker_id = 42");

        WorkerLease first = leasing.acquire("old", Duration.ofMillis(300));
        assertThat(first.workerId()).isEqualTo(42);
        WorkerLease renewed =
                leasing.renew(first, "old", Duration.ofMillis(300)).orElseThrow();
        assertThat(renewed.leasedUntilEpochMillis()).isGreaterThanOrEqualTo(first.leasedUntilEpochMillis());

        // the old holder stops heart-beating: its lease runs out on the database's clock
        Await.until(
                "the lease to expire",
                Duration.ofSeconds(10),
                () -> leasing.databaseMillis() > renewed.leasedUntilEpochMillis());
        WorkerLease second = leasing.acquire("new", Duration.ofSeconds(30));

        assertThat(second.workerId()).isEqualTo(42);
        assertThat(second.notBeforeEpochMillis()).isEqualTo(renewed.leasedUntilEpochMillis());
        assertThat(leasing.renew(first, "old", Duration.ofSeconds(30)))
                .as("old holder lost it")
                .isEmpty();

        jdbc.update("UPDATE snowflake_worker_lease SET owner = NULL, leased_until = 0 WHERE owner = 'someone-else'");
    }

    @Test
    void refusesToStartWhenEveryWorkerIdIsLeased() {
        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        JdbcWorkerIdLeasing leasing = new JdbcWorkerIdLeasing(db.dataSource());
        jdbc.update(
                "UPDATE snowflake_worker_lease SET owner = 'busy', leased_until = ?",
                leasing.databaseMillis() + 60_000);

        assertThatThrownBy(() -> leasing.acquire("late", Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("worker-id");

        jdbc.update("UPDATE snowflake_worker_lease SET owner = NULL, leased_until = 0");
    }

    @Test
    void aLeasedGeneratorReleasesItsWorkerIdOnClose() {
        JdbcWorkerIdLeasing leasing = new JdbcWorkerIdLeasing(db.dataSource());
        int worker;
        try (LeasedSnowflake snowflake = new LeasedSnowflake(
                leasing, TimeSource.SYSTEM, Duration.ofSeconds(60), Duration.ofMillis(10), Duration.ofSeconds(2))) {
            worker = snowflake.workerId();
            assertThat(Snowflake.workerOf(snowflake.nextId())).isEqualTo(worker);
        }
        assertThat(new JdbcTemplate(db.dataSource())
                        .queryForObject(
                                "SELECT owner FROM snowflake_worker_lease WHERE worker_id = ?", String.class, worker))
                .isNull();
    }
}
