package com.creatorcommerce.credit.bench;

import com.creatorcommerce.credit.CreditServiceApplication;
import com.creatorcommerce.credit.application.DonateService;
import com.creatorcommerce.credit.application.GrantCreditsService;
import com.creatorcommerce.platform.test.RealInfrastructureInitializer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Donations per second through the real {@link DonateService} (FIFO debit over three lots per wallet, donation row,
 * history row, usages, {@code credit.balance-changed.v1} and {@code donation.completed.v1} in the outbox), on
 * the real credit-service context and the local MySQL-compatible server:
 * <ul>
 *   <li><b>one hot wallet</b>: {@code n} concurrent donations of 3 credits from one donor;</li>
 *   <li><b>many wallets</b>: {@code n} donors giving 10 donations each, all at once.</li>
 * </ul>
 * Every round checks the lot invariants of its wallets (balance = sum of remaining = sum of history; each lot's
 * credits = remaining + usages). Seed 001's pessimistic locking (one transaction per donation holding the wallet and
 * lot row locks) is the same code with {@code --credit.ledger.max-batch=1} (ADR 14).
 *
 * <p>Run: {@code ./mvnw -pl credit-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.creatorcommerce.credit.bench.DonationBenchmark -Dexec.args="11 100"} (rounds, concurrency,
 * then Spring properties such as {@code --credit.ledger.max-batch=1} or {@code --platform.outbox.enabled=false}).
 */
public final class DonationBenchmark {

    private static final long CREDITS = 3;
    private static final int PER_DONOR = 10;

    private final JdbcTemplate jdbc;
    private final DonateService donate;
    private final GrantCreditsService grants;
    private final String settings;
    private final AtomicLong users = new AtomicLong(System.currentTimeMillis() * 1000);

    private record Round(long wallMillis, int donations, long[] latencyMicros) {}

    private DonationBenchmark(ConfigurableApplicationContext app) {
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.donate = app.getBean(DonateService.class);
        this.grants = app.getBean(GrantCreditsService.class);
        var env = app.getEnvironment();
        this.settings = "credit.ledger.max-batch=" + env.getProperty("credit.ledger.max-batch", "200")
                + ", platform.outbox.enabled=" + env.getProperty("platform.outbox.enabled", "true")
                + ", Hikari pool " + env.getProperty("spring.datasource.hikari.maximum-pool-size", "10");
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> spring = new ArrayList<>(
                List.of("--server.port=0", "--logging.level.root=WARN", "--logging.level.com.creatorcommerce=WARN"));
        spring.addAll(List.of(args).subList(Math.min(2, args.length), args.length));
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CreditServiceApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .run(spring.toArray(String[]::new));
        try {
            new DonationBenchmark(app).run(rounds, n);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private void run(int rounds, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int i = 0; i < 2; i++) { // warm-up
                round(n, 1, pool);
                round(n, PER_DONOR, pool);
            }
            List<Round> hot = new ArrayList<>();
            List<Round> many = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                hot.add(round(n, 1, pool));
                many.add(round(n, PER_DONOR, pool));
            }
            var rt = ManagementFactory.getRuntimeMXBean();
            System.out.printf(
                    "%n%s; %d measured rounds after 2 warm-up rounds; %s%nJVM %s, flags %s, max heap %d MiB" + "%n",
                    settings,
                    rounds,
                    jdbc.queryForObject("SELECT VERSION()", String.class),
                    Runtime.version(),
                    rt.getInputArguments(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.out.printf("%-48s %10s %12s %9s %9s%n", "scenario", "median ms", "donations/s", "p50 ms", "p99 ms");
            print(n + " concurrent donations, one wallet (3 lots)", hot);
            print(n + " wallets x " + PER_DONOR + " donations, all at once", many);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code donors == 1}-style hot wallet when perDonor is 1: n tasks on one donor; else n donors x perDonor. */
    private Round round(int n, int perDonor, ExecutorService pool) throws Exception {
        boolean hot = perDonor == 1;
        int donors = hot ? 1 : n;
        int perTask = hot ? 1 : perDonor;
        long creator = users.incrementAndGet();
        long[] ids = new long[donors];
        for (int d = 0; d < donors; d++) {
            ids[d] = users.incrementAndGet();
            long need = (hot ? n : perDonor) * CREDITS;
            grants.grant(1, ids[d], need / 3, "bench lot 1");
            grants.grant(1, ids[d], need / 3, "bench lot 2");
            grants.grant(1, ids[d], need - 2 * (need / 3), "bench lot 3");
        }
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            long donor = hot ? ids[0] : ids[t];
            int task = t;
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                long[] lat = new long[perTask];
                for (int k = 0; k < perTask; k++) {
                    long t0 = System.nanoTime();
                    donate.donate(donor, Long.toString(creator), CREDITS, null, "b-" + task + "-" + k);
                    lat[k] = (System.nanoTime() - t0) / 1_000;
                }
                return lat;
            }));
        }
        ready.await();
        long t0 = System.nanoTime();
        start.countDown();
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                latencies.add(l);
            }
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        verify(ids);
        return new Round(
                wall, n * perTask, latencies.stream().mapToLong(Long::longValue).toArray());
    }

    private void verify(long[] donors) {
        for (long donor : donors) {
            long balance = jdbc.queryForObject("SELECT balance FROM credits WHERE user_id = ?", Long.class, donor);
            long remaining = jdbc.queryForObject(
                    "SELECT SUM(remaining) FROM credit_topups WHERE user_id = ?", Long.class, donor);
            long history =
                    jdbc.queryForObject("SELECT SUM(amount) FROM credit_history WHERE user_id = ?", Long.class, donor);
            int badLots = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM credit_topups t WHERE t.user_id = ? AND t.credits <> t.remaining
                      + (SELECT COALESCE(SUM(u.credits), 0) FROM credit_usages u WHERE u.lot_id = t.id)""", Integer.class, donor);
            if (balance != 0 || remaining != 0 || history != 0 || badLots != 0) {
                throw new IllegalStateException("Wallet " + donor + ": balance " + balance + ", remaining " + remaining
                        + ", history " + history + ", inconsistent lots " + badLots);
            }
        }
    }

    private static void print(String name, List<Round> rounds) {
        long[] walls = rounds.stream().mapToLong(Round::wallMillis).sorted().toArray();
        double median = walls.length % 2 == 1
                ? walls[walls.length / 2]
                : (walls[walls.length / 2 - 1] + walls[walls.length / 2]) / 2.0;
        long[] lat = rounds.stream()
                .flatMapToLong(r -> Arrays.stream(r.latencyMicros()))
                .sorted()
                .toArray();
        System.out.printf(
                "%-48s %10.0f %12.0f %9.1f %9.1f%n",
                name,
                median,
                rounds.getFirst().donations() * 1000.0 / median,
                lat[lat.length / 2] / 1000.0,
                lat[(int) Math.min(lat.length - 1, Math.ceil(lat.length * 0.99) - 1)] / 1000.0);
    }
}
