package com.creatorcommerce.coupon.bench;

import com.creatorcommerce.coupon.CouponServiceApplication;
import com.creatorcommerce.coupon.application.CouponSnapshotCache;
import com.creatorcommerce.coupon.application.IssueCouponService;
import com.creatorcommerce.coupon.application.IssueSettings;
import com.creatorcommerce.coupon.application.IssueTransactions;
import com.creatorcommerce.coupon.application.port.IssueLedger;
import com.creatorcommerce.coupon.domain.CouponRefusal;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.platform.test.RealInfrastructureInitializer;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.web.CurrentUser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * First-come-first-served issuing under load: {@code bench.requests} (10,000) issue requests from distinct users for
 * a coupon of {@code bench.quantity} (1,000), at most {@code bench.threads} (64) in flight, against the real
 * database; the service's strategy (conditional atomic UPDATE + unique key, with and without its per-instance
 * snapshot of the coupon) versus seed 003's {@code SELECT ... FOR UPDATE}, interleaved, {@code bench.reps} (10)
 * times each. Prints throughput, time to sell out, latency percentiles and over/under-issue counts (checked in the
 * database after every run). Latency is measured per request from the moment a worker starts it (the closed-loop
 * client's view), so it includes waiting for a connection and for row locks.
 *
 * <pre>
 * flock /tmp/mvnlock/lock mvn -B -o -pl coupon-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.creatorcommerce.coupon.bench.CouponIssueBenchmark [-Dbench.mode=service,http]
 * </pre>
 */
public final class CouponIssueBenchmark {

    private static final String BASELINE_PATH = "/v1/bench/coupons/{id}/issue-for-update";

    private final int requests = Integer.getInteger("bench.requests", 10_000);
    private final int quantity = Integer.getInteger("bench.quantity", 1_000);
    private final int threads = Integer.getInteger("bench.threads", 64);
    private final int pool = Integer.getInteger("bench.pool", 32);
    private final int reps = Integer.getInteger("bench.reps", 10);
    private final List<String> modes =
            List.of(System.getProperty("bench.mode", "service").split(","));

    private ConfigurableApplicationContext context;
    private JdbcTemplate jdbc;

    public static void main(String[] args) {
        int status = 0;
        try {
            new CouponIssueBenchmark().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // the loopback Kafka broker and the app's threads would keep exec:java waiting
        System.exit(status);
    }

    interface Strategy {
        String name();

        /** Issues or throws {@link CouponRefusedException}. */
        void issue(long userId, long couponId) throws Exception;
    }

    record RunResult(
            String strategy,
            int quantity,
            double seconds,
            double sellOutSeconds,
            int issued,
            int soldOut,
            int errors,
            long[] latencyNanos,
            long dbIssuedQuantity,
            long dbUserCoupons,
            long dbDistinctUsers) {

        /** Coupons issued beyond the total quantity (by the counter or by the rows). */
        int over() {
            return (int) Math.max(0, Math.max(dbIssuedQuantity, dbUserCoupons) - quantity);
        }

        /** Coupons left unissued although more users than coupons asked. */
        int under(int requests) {
            long expected = Math.min(quantity, requests);
            return (int) Math.max(0, expected - Math.min(dbIssuedQuantity, dbUserCoupons));
        }

        boolean consistent() {
            return dbIssuedQuantity == dbUserCoupons && dbUserCoupons == dbDistinctUsers && issued == dbUserCoupons;
        }
    }

    private void run() throws Exception {
        boolean http = modes.contains("http");
        long started = System.nanoTime();
        SpringApplicationBuilder app = new SpringApplicationBuilder(CouponServiceApplication.class)
                .web(http ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .initializers(
                        new RealInfrastructureInitializer(),
                        ctx -> ((GenericApplicationContext) ctx)
                                .registerBean("benchBaselineRoutes", RouterFunction.class, () -> baselineRoutes(ctx)));
        context = app.run(
                "--spring.datasource.hikari.maximum-pool-size=" + pool,
                "--spring.datasource.hikari.minimum-idle=" + pool,
                "--server.port=0",
                "--server.tomcat.threads.max=" + Math.max(200, threads + 16),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.mariadb.jdbc.message.server.ErrorPacket=ERROR");
        jdbc = context.getBean(JdbcTemplate.class);
        System.out.printf(
                Locale.ROOT,
                "%nCoupon issue benchmark: %,d requests from distinct users for a coupon of "
                        + "%,d, %d in flight, Hikari pool %d, %d repetitions, modes %s; %d CPUs, JVM %s; DB %s%n",
                requests,
                quantity,
                threads,
                pool,
                reps,
                modes,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                jdbc.queryForObject("SELECT VERSION()", String.class));
        System.out.printf(Locale.ROOT, "(started in %.1f s)%n", (System.nanoTime() - started) / 1e9);
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            for (String mode : modes) {
                List<Strategy> strategies = mode.equals("http") ? httpStrategies() : serviceStrategies();
                runMode(mode, strategies, workers);
            }
        } finally {
            context.close();
        }
        System.out.printf(Locale.ROOT, "Total time %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private void runMode(String mode, List<Strategy> strategies, ExecutorService workers) throws Exception {
        System.out.printf(Locale.ROOT, "%n== mode: %s ==%n", mode);
        for (Strategy s : strategies) { // warm-up, not recorded
            run(s, Math.min(requests, 2_000), Math.min(quantity, 200), workers);
        }
        Map<String, List<RunResult>> results = new LinkedHashMap<>();
        strategies.forEach(s -> results.put(s.name(), new ArrayList<>()));
        for (int rep = 1; rep <= reps; rep++) {
            List<Strategy> order = new ArrayList<>(strategies);
            if (rep % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (Strategy s : order) {
                RunResult r = run(s, requests, quantity, workers);
                results.get(s.name()).add(r);
                long[] sorted = r.latencyNanos().clone();
                Arrays.sort(sorted);
                System.out.printf(
                        Locale.ROOT,
                        "rep %2d  %-52s %6.2f s  %8.0f req/s  sold out after %6.0f ms  "
                                + "p50 %6.1f ms  p99 %7.1f ms  issued %d  over %d  under %d  errors %d%s%n",
                        rep,
                        s.name(),
                        r.seconds(),
                        requests / r.seconds(),
                        r.sellOutSeconds() * 1000,
                        pct(sorted, 50),
                        pct(sorted, 99),
                        r.issued(),
                        r.over(),
                        r.under(requests),
                        r.errors(),
                        r.consistent() ? "" : "  INCONSISTENT " + r);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nSummary (%s, %d runs each; medians over runs, p99 also pooled over all " + "requests)%n",
                mode,
                reps);
        System.out.printf(
                Locale.ROOT,
                "| strategy | requests/s | issues/s (to sell-out) | sell-out ms | p50 ms | "
                        + "p99 ms | p99 pooled ms | max ms | over-issued | under-issued | errors |%n");
        System.out.printf(Locale.ROOT, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n");
        Map<String, Double> throughput = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunResult>> e : results.entrySet()) {
            List<RunResult> runs = e.getValue();
            double rps = median(
                    runs.stream().mapToDouble(r -> requests / r.seconds()).toArray());
            double ips = median(runs.stream()
                    .mapToDouble(r -> r.issued() / r.sellOutSeconds())
                    .toArray());
            double sellOut = median(
                    runs.stream().mapToDouble(r -> r.sellOutSeconds() * 1000).toArray());
            double p50 = median(
                    runs.stream().mapToDouble(r -> pctOf(r.latencyNanos(), 50)).toArray());
            double p99 = median(
                    runs.stream().mapToDouble(r -> pctOf(r.latencyNanos(), 99)).toArray());
            long[] all = runs.stream()
                    .flatMapToLong(r -> Arrays.stream(r.latencyNanos()))
                    .toArray();
            Arrays.sort(all);
            throughput.put(e.getKey(), rps);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f | %,.0f | %,.0f | %.1f | %.1f | %.1f | %.1f | %d | %d | %d |%n",
                    e.getKey(),
                    rps,
                    ips,
                    sellOut,
                    p50,
                    p99,
                    pct(all, 99),
                    all[all.length - 1] / 1e6,
                    runs.stream().mapToInt(RunResult::over).sum(),
                    runs.stream().mapToInt(r -> r.under(requests)).sum(),
                    runs.stream().mapToInt(RunResult::errors).sum());
        }
        double baseline = throughput.values().stream().reduce((a, b) -> b).orElse(1.0);
        throughput.forEach((name, rps) -> System.out.printf(
                Locale.ROOT, "  %-52s %.1fx the FOR UPDATE baseline (requests/s)%n", name, rps / baseline));
    }

    private RunResult run(Strategy strategy, int requests, int quantity, ExecutorService workers) throws Exception {
        awaitOutboxDrained();
        long coupon = insertCoupon(quantity);
        long[] latency = new long[requests];
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger soldOut = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastIssueAt = new AtomicLong();
        AtomicInteger errorSamples = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(requests);
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int n = i;
            workers.execute(() -> {
                long t0 = System.nanoTime();
                try {
                    strategy.issue(n + 1, coupon);
                    issued.incrementAndGet();
                    lastIssueAt.accumulateAndGet(System.nanoTime(), Math::max);
                } catch (CouponRefusedException e) {
                    if (e.refusal() == CouponRefusal.COUPON_SOLD_OUT) {
                        soldOut.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    if (errorSamples.incrementAndGet() <= 3) {
                        System.out.println("  error: " + e);
                    }
                } finally {
                    latency[n] = System.nanoTime() - t0;
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        double sellOut = issued.get() == 0 ? Double.NaN : (lastIssueAt.get() - start) / 1e9;
        Map<String, Object> db = jdbc.queryForMap("""
                SELECT c.issued_quantity AS issued,
                       (SELECT COUNT(*) FROM user_coupons u WHERE u.coupon_id = c.coupon_id) AS user_coupons,
                       (SELECT COUNT(DISTINCT user_id) FROM user_coupons u WHERE u.coupon_id = c.coupon_id) AS users
                FROM coupons c WHERE c.coupon_id = ?""", coupon);
        return new RunResult(
                strategy.name(),
                quantity,
                seconds,
                sellOut,
                issued.get(),
                soldOut.get(),
                errors.get(),
                latency,
                ((Number) db.get("issued")).longValue(),
                ((Number) db.get("user_coupons")).longValue(),
                ((Number) db.get("users")).longValue());
    }

    private List<Strategy> serviceStrategies() {
        IssueCouponService service = context.getBean(IssueCouponService.class);
        IssueSettings configured = context.getBean(IssueSettings.class);
        IssueCouponService perRequest = variant(configured.snapshotTtl(), 1);
        IssueCouponService bare = variant(Duration.ZERO, 1);
        ForUpdateCouponIssuing baseline = baseline(context);
        return List.of(
                strategy("atomic UPDATE + unique key (service as configured)", service::issue),
                strategy("  same, one transaction per request", perRequest::issue),
                strategy("  same, per request, no snapshot (bare UPDATE)", bare::issue),
                strategy("SELECT ... FOR UPDATE (seed baseline)", baseline::issue));
    }

    /** The service's strategy with another snapshot TTL / batch size (same database, pool, outbox). */
    private IssueCouponService variant(Duration snapshotTtl, int maxBatch) {
        IssueLedger ledger = context.getBean(IssueLedger.class);
        IssueSettings settings = new IssueSettings(snapshotTtl, 3, maxBatch, Duration.ofSeconds(30));
        CouponSnapshotCache snapshots = new CouponSnapshotCache(ledger, settings);
        Clock clock = context.getBean(Clock.class);
        IssueTransactions transactions = new IssueTransactions(
                ledger,
                snapshots,
                context.getBean(Outbox.class),
                context.getBean(IdGenerator.class),
                context.getBean(TransactionTemplate.class),
                clock,
                settings);
        return new IssueCouponService(snapshots, transactions, clock, settings, new SimpleMeterRegistry());
    }

    private List<Strategy> httpStrategies() {
        Environment env = context.getEnvironment();
        String base = "http://127.0.0.1:" + env.getProperty("local.server.port");
        System.out.printf(Locale.ROOT, "minting %,d tokens...%n", requests);
        String[] tokens = new String[requests + 1];
        for (int i = 1; i <= requests; i++) {
            tokens[i] = TestJwt.user(i);
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return List.of(
                httpStrategy("HTTP: atomic UPDATE + unique key", client, tokens, base + "/v1/coupons/%d/issue"),
                httpStrategy(
                        "HTTP: SELECT ... FOR UPDATE (seed baseline)",
                        client,
                        tokens,
                        base + BASELINE_PATH.replace("{id}", "%d")));
    }

    private static Strategy httpStrategy(String name, HttpClient client, String[] tokens, String urlPattern) {
        return strategy(name, (user, coupon) -> {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT, urlPattern, coupon)))
                            .header("Authorization", "Bearer " + tokens[(int) user])
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409 && response.body().contains("COUPON_SOLD_OUT")) {
                throw new CouponRefusedException(CouponRefusal.COUPON_SOLD_OUT, "sold out");
            }
            if (response.statusCode() != 201) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        });
    }

    private interface Issue {
        void issue(long userId, long couponId) throws Exception;
    }

    private static Strategy strategy(String name, Issue issue) {
        return new Strategy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void issue(long userId, long couponId) throws Exception {
                issue.issue(userId, couponId);
            }
        };
    }

    private static ForUpdateCouponIssuing baseline(org.springframework.beans.factory.BeanFactory beans) {
        return new ForUpdateCouponIssuing(
                beans.getBean(JdbcTemplate.class),
                beans.getBean(TransactionTemplate.class),
                beans.getBean(Outbox.class),
                beans.getBean(IdGenerator.class),
                beans.getBean(Clock.class));
    }

    /** The baseline over HTTP too (a functional endpoint registered by this harness only). */
    private static RouterFunction<ServerResponse> baselineRoutes(ConfigurableApplicationContext ctx) {
        ForUpdateCouponIssuing[] baseline = new ForUpdateCouponIssuing[1];
        return RouterFunctions.route()
                .POST(BASELINE_PATH, request -> {
                    if (baseline[0] == null) {
                        baseline[0] = baseline(ctx);
                    }
                    long user = CurrentUser.require().id();
                    try {
                        baseline[0].issue(user, Long.parseLong(request.pathVariable("id")));
                        return ServerResponse.status(201).body(Map.of("issued", true));
                    } catch (CouponRefusedException e) {
                        return ServerResponse.status(409)
                                .body(Map.of("code", e.refusal().name()));
                    }
                })
                .build();
    }

    private long insertCoupon(int total) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO coupons (coupon_id, coupon_name, discount_type, discount_value, min_order_amount,
                                     total_quantity, issued_quantity, valid_from, valid_until, is_active,
                                     created_at, updated_at)
                VALUES (?, 'bench', 'FIXED', 1000, 0, ?, 0, ?, ?, TRUE, ?, ?)""", id, total, now.minusDays(1), now.plusDays(1), now, now);
        return id;
    }

    /** Lets the relay publish the previous run's events so that runs do not overlap. */
    private void awaitOutboxDrained() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline
                && jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = 'PENDING'", Long.class) > 0) {
            Thread.sleep(100);
        }
        Thread.sleep(200);
    }

    private static double pctOf(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return pct(sorted, p);
    }

    private static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
