package com.creatorcommerce.platform.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestDatabase;
import com.creatorcommerce.platform.test.TestDatabaseServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The narrow duplicate-id windows of a leased generator, driven by a {@link FakeTime} against the real database:
 * every id handed out must lie below the lease end the next holder of its worker id starts after.
 */
class LeasedSnowflakeFencingIT {

    private static final Duration TTL = Duration.ofSeconds(60); // no heartbeat fires during a test
    private static final int WORKER = 7;

    private TestDatabase db;
    private JdbcTemplate jdbc;
    private JdbcWorkerIdLeasing leasing;

    @BeforeEach
    void freshDatabaseWithOnlyOneFreeWorkerId() {
        db = TestDatabaseServer.get().create();
        Flyway.configure()
                .dataSource(db.dataSource())
                .locations(SnowflakeAutoConfiguration.FLYWAY_LOCATION)
                .load()
                .migrate();
        jdbc = new JdbcTemplate(db.dataSource());
        leasing = new JdbcWorkerIdLeasing(db.dataSource());
        // every other worker id is held by other instances for two hours: takeovers can only land on WORKER
        jdbc.update(
                "UPDATE snowflake_worker_lease SET owner = 'other-instance', leased_until = ? WHERE worker_id <> ?",
                leasing.databaseMillis() + 7_200_000,
                WORKER);
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private LeasedSnowflake leased(TimeSource time) {
        return new LeasedSnowflake(leasing, time, TTL, Duration.ofMillis(10), Duration.ofSeconds(2));
    }

    private long leasedUntil(int worker) {
        return jdbc.queryForObject(
                "SELECT leased_until FROM snowflake_worker_lease WHERE worker_id = ?", Long.class, worker);
    }

    @Test
    void releaseRecordsAnEndAfterTheLastIdEvenWhenTheClockSteppedBack() {
        FakeTime time = new FakeTime(System.currentTimeMillis());
        Set<Long> ids = new HashSet<>();
        long last;
        try (LeasedSnowflake first = leased(time)) {
            assertThat(first.workerId()).isEqualTo(WORKER);
            for (int i = 0; i < 100; i++) {
                ids.add(first.nextId());
            }
            last = ids.stream().max(Long::compare).orElseThrow();
            time.stepBack(1_000); // NTP steps the clock back a second, then the instance shuts down
        }
        long released = leasedUntil(WORKER);
        assertThat(released)
                .as("the released lease ends after the last id's timestamp")
                .isGreaterThan(Snowflake.timestampOf(last));

        // the next holder of the worker id (its clock as far behind) starts after that end: no id repeats
        Await.until("the released lease to be free", Duration.ofSeconds(10), () -> leasing.databaseMillis() > released);
        try (LeasedSnowflake next = leased(time)) {
            assertThat(next.workerId()).isEqualTo(WORKER);
            for (int i = 0; i < 100; i++) {
                ids.add(next.nextId());
            }
        }
        assertThat(ids).hasSize(200);
    }

    @Test
    void anIdIsFencedByTheTimestampItCarriesNotByAClockReadBeforeIt() {
        long start = System.currentTimeMillis();
        FakeTime time = new FakeTime(start);
        try (LeasedSnowflake generator = leased(time)) {
            long leaseEnd = leasedUntil(WORKER);
            // a GC pause longer than the lease strikes right after nextId first looks at the clock
            time.pauseAfterNextRead(TTL.toMillis() + 5_000);

            long id = generator.nextId();

            assertThat(Snowflake.timestampOf(id))
                    .as("the id handed out lies inside the lease")
                    .isLessThan(start + TTL.toMillis())
                    .isLessThan(leaseEnd);
            // the clock is now past the lease: whatever id would be minted is refused, not handed out
            assertThatThrownBy(generator::nextId)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("worker id " + WORKER);
        }
    }

    @Test
    void hostClockSkewCannotMakeTwoHoldersOfOneWorkerId() {
        try (LeasedSnowflake holder = leased(TimeSource.SYSTEM)) {
            assertThat(holder.workerId()).isEqualTo(WORKER);
            String owner = jdbc.queryForObject(
                    "SELECT owner FROM snowflake_worker_lease WHERE worker_id = ?", String.class, WORKER);

            // another instance whose host clock is an hour ahead: the holder's lease looks long expired to it
            FakeTime aheadByAnHour = new FakeTime(System.currentTimeMillis() + 3_600_000);
            assertThatThrownBy(() -> leased(aheadByAnHour))
                    .as("expiry is judged on the database's clock")
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No free Snowflake worker id");

            assertThat(jdbc.queryForObject(
                            "SELECT owner FROM snowflake_worker_lease WHERE worker_id = ?", String.class, WORKER))
                    .isEqualTo(owner);
            assertThat(Snowflake.workerOf(holder.nextId())).isEqualTo(WORKER);
        }
    }
}
