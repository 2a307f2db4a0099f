package com.creatorcommerce.credit.bench;

import com.creatorcommerce.credit.CreditServiceApplication;
import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.credit.domain.WalletChange;
import com.creatorcommerce.platform.test.RealInfrastructureInitializer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 100 concurrent uses of 3 credits on ONE wallet, three ways, alternating in the same run against the same database
 * (the real credit-service context with its production settings — Hikari pool of 10 — on the local MySQL-compatible
 * server, the in-process broker):
 * <ol>
 *   <li><b>ours</b>: the service's {@link CreditLedger} (concurrent uses of a wallet combined: one row lock, one batch
 *       insert, one balance update, one commit per batch);</li>
 *   <li><b>SELECT ... FOR UPDATE</b>: one transaction per use holding the wallet row lock;</li>
 *   <li><b>seed 000 exactly</b>: one transaction per use, optimistic: read the wallet, {@code UPDATE ... WHERE version
 *       = ?}, a conflict rolls back and is retried up to 3 attempts with 10 ms x attempt, then the use fails.</li>
 * </ol>
 * Every use writes the same rows (wallet, one {@code credit_history} row, one {@code credit.balance-changed.v1} outbox
 * event); each round is a fresh wallet holding enough credits for every use, and seed 000's integrity queries are
 * checked after it.
 *
 * <p>Run (see the README for the JVM flags): {@code ./mvnw -pl credit-service test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=com.creatorcommerce.credit.bench.CreditWalletBenchmark
 * -Dexec.args="21 100"} (arguments: measured rounds, uses per round, then Spring properties such as
 * {@code --platform.outbox.enabled=false}: rows still appended to the outbox, no relay publishing them).
 */
public final class CreditWalletBenchmark {

    static final long AMOUNT = 3;

    private final JdbcTemplate jdbc;
    private final CreditLedger ledger;
    private final PerUseStrategies perUse;
    private final DistributionSummary batchSizes;
    private final Timer batchTime;
    private final String poolSize;
    private final String outboxRelay;
    private final AtomicLong userIds = new AtomicLong(System.currentTimeMillis() * 1000);
    private long combinedBatches;
    private double combinedEntries;
    private double combinedBatchMillis;

    private CreditWalletBenchmark(ConfigurableApplicationContext app) {
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.ledger = app.getBean(CreditLedger.class);
        this.perUse = new PerUseStrategies(app, AMOUNT);
        this.batchSizes =
                app.getBean(MeterRegistry.class).get("credit.ledger.batch.size").summary();
        this.batchTime = app.getBean(MeterRegistry.class)
                .get("credit.ledger.batch.duration")
                .timer();
        this.poolSize = app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size", "10");
        this.outboxRelay = "false".equals(app.getEnvironment().getProperty("platform.outbox.enabled"))
                ? "off (rows appended, not published)"
                : "on (publishing to the in-process broker in this JVM)";
    }

    /** One use of AMOUNT credits; true when applied. */
    @FunctionalInterface
    interface Use {
        boolean use(long user, String key);
    }

    private record Round(long wallMillis, int succeeded, int uses, long[] latencyMicros) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int uses = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> spring = new ArrayList<>(
                List.of("--server.port=0", "--logging.level.root=WARN", "--logging.level.com.creatorcommerce=WARN"));
        spring.addAll(
                List.of(args).subList(Math.min(2, args.length), args.length)); // e.g. --platform.outbox.enabled=false
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CreditServiceApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .run(spring.toArray(String[]::new));
        try {
            new CreditWalletBenchmark(app).run(rounds, uses);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private void run(int rounds, int uses) throws Exception {
        Map<String, Use> strategies = new LinkedHashMap<>();
        strategies.put("ours: combined ledger", this::combined);
        strategies.put("SELECT ... FOR UPDATE per use", perUse::forUpdate);
        strategies.put("seed 000: @version, 3 tries", perUse::seedOptimistic);
        ExecutorService pool = Executors.newFixedThreadPool(uses);
        try {
            for (int i = 0; i < 2; i++) { // warm-up: JIT, connection pool, statement caches
                for (var s : strategies.entrySet()) {
                    round(s.getKey(), s.getValue(), uses, pool);
                }
            }
            Map<String, List<Round>> results = new LinkedHashMap<>();
            combinedBatches = 0;
            combinedEntries = 0;
            combinedBatchMillis = 0;
            perUse.resetCounters();
            for (int i = 0; i < rounds; i++) {
                for (var s : strategies.entrySet()) {
                    results.computeIfAbsent(s.getKey(), k -> new ArrayList<>())
                            .add(round(s.getKey(), s.getValue(), uses, pool));
                }
            }
            print(results, rounds, uses);
            System.out.printf(
                    "where the time goes: %d outbox appends in one transaction take %.1f ms (median of %d)%n%n",
                    uses, perUse.outboxAppendsMillis(uses, rounds), rounds);
        } finally {
            pool.shutdownNow();
        }
    }

    private Round round(String name, Use use, int uses, ExecutorService pool) throws Exception {
        long user = userIds.incrementAndGet();
        seed(user, uses * AMOUNT);
        CountDownLatch ready = new CountDownLatch(uses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < uses; i++) {
            String key = "bench-" + user + "-" + i;
            futures.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                long t0 = System.nanoTime();
                boolean ok;
                try {
                    ok = use.use(user, key);
                } catch (RuntimeException e) {
                    ok = false;
                }
                return new long[] {ok ? 1 : 0, (System.nanoTime() - t0) / 1_000};
            }));
        }
        ready.await();
        long batchesBefore = batchSizes.count();
        double entriesBefore = batchSizes.totalAmount();
        double batchMillisBefore = batchTime.totalTime(TimeUnit.MILLISECONDS);
        long t0 = System.nanoTime();
        start.countDown();
        int succeeded = 0;
        long[] latencies = new long[uses];
        for (int i = 0; i < uses; i++) {
            long[] r = futures.get(i).get();
            succeeded += (int) r[0];
            latencies[i] = r[1];
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        if (name.startsWith("ours")) {
            combinedBatches += batchSizes.count() - batchesBefore;
            combinedEntries += batchSizes.totalAmount() - entriesBefore;
            combinedBatchMillis += batchTime.totalTime(TimeUnit.MILLISECONDS) - batchMillisBefore;
        }
        verify(name, user, uses * AMOUNT, succeeded);
        return new Round(wall, succeeded, uses, latencies);
    }

    private boolean combined(long user, String key) {
        return ledger.apply(LedgerEntry.of(usage(user, key))) instanceof LedgerOutcome.Applied;
    }

    static WalletChange usage(long user, String key) {
        return new WalletChange(
                user,
                TransactionType.USAGE,
                AMOUNT,
                "virtual-try-on (3 credits)",
                Map.of("feature", "virtual-try-on"),
                key,
                "usage:" + user + ":" + key);
    }

    private void seed(long user, long credits) {
        ledger.apply(LedgerEntry.of(new WalletChange(
                user, TransactionType.BONUS, credits, "bench seed", null, "bench-seed-" + user, "bench-seed:" + user)));
    }

    private void verify(String name, long user, long seeded, int succeeded) {
        long balance = jdbc.queryForObject("SELECT balance FROM credits WHERE user_id = ?", Long.class, user);
        long version = jdbc.queryForObject("SELECT version FROM credits WHERE user_id = ?", Long.class, user);
        int uses = jdbc.queryForObject(
                "SELECT COUNT(*) FROM credit_history WHERE user_id = ? " + "AND transaction_type = 'usage'",
                Integer.class,
                user);
        int mismatched = jdbc.queryForList("""
                SELECT c.user_id FROM credits c LEFT JOIN credit_history h ON c.user_id = h.user_id
                WHERE c.user_id = ? GROUP BY c.user_id, c.balance HAVING c.balance != COALESCE(SUM(h.amount), 0)""", user).size()
                + jdbc.queryForObject(
                        "SELECT COUNT(*) FROM credit_history WHERE user_id = ? AND "
                                + "balance_before + amount <> balance_after",
                        Integer.class,
                        user);
        if (mismatched != 0 || uses != succeeded || balance != seeded - succeeded * AMOUNT || version != 1 + uses) {
            throw new IllegalStateException(name + ": ledger invariant broken (balance " + balance + ", uses " + uses
                    + ", succeeded " + succeeded + ", version " + version + ", mismatched " + mismatched + ")");
        }
    }

    private void print(Map<String, List<Round>> results, int rounds, int uses) {
        var runtime = ManagementFactory.getRuntimeMXBean();
        System.out.printf("%noutbox relay %s%n", outboxRelay);
        System.out.printf(
                "%n%d concurrent uses of %d credits on one wallet; %d measured rounds per strategy (after 2 "
                        + "warm-up rounds), Hikari pool %s, %s%nJVM %s, flags %s, max heap %d MiB, GC %s%n",
                uses,
                AMOUNT,
                rounds,
                poolSize,
                jdbc.queryForObject("SELECT VERSION()", String.class),
                Runtime.version(),
                runtime.getInputArguments(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(g -> g.getName())
                        .toList());
        System.out.printf(
                "%-32s %10s %10s %9s %9s %9s %10s%n",
                "approach", "median ms", "uses/s", "success", "p50 ms", "p99 ms", "vs FOR UPD");
        double forUpdate = medianWall(results.get("SELECT ... FOR UPDATE per use"));
        for (var e : results.entrySet()) {
            List<Round> rs = e.getValue();
            double median = medianWall(rs);
            int ok = rs.stream().mapToInt(Round::succeeded).sum();
            int all = rs.stream().mapToInt(Round::uses).sum();
            long[] lat = rs.stream()
                    .flatMapToLong(r -> java.util.Arrays.stream(r.latencyMicros()))
                    .sorted()
                    .toArray();
            System.out.printf(
                    "%-32s %10.0f %10.0f %8.1f%% %9.1f %9.1f %9.2fx%n",
                    e.getKey(),
                    median,
                    uses * 1000.0 / median,
                    100.0 * ok / all,
                    lat[lat.length / 2] / 1000.0,
                    lat[(int) Math.min(lat.length - 1, Math.ceil(lat.length * 0.99) - 1)] / 1000.0,
                    forUpdate / median);
        }
        System.out.printf(
                "ours: %.1f uses per wallet transaction on average, %.1f transactions per round, %.2f ms per "
                        + "transaction (%.3f ms per use inside transactions); seed 000: %.2f attempts per use, %d uses failed "
                        + "after 3 conflicts%n%n",
                combinedEntries / Math.max(1, combinedBatches),
                combinedBatches / (double) rounds,
                combinedBatchMillis / Math.max(1, combinedBatches),
                combinedBatchMillis / Math.max(1, combinedEntries),
                perUse.optimisticAttempts() / (double) (rounds * uses),
                perUse.optimisticGivenUp());
    }

    private static double medianWall(List<Round> rounds) {
        long[] w = rounds.stream().mapToLong(Round::wallMillis).sorted().toArray();
        return w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2.0;
    }
}
