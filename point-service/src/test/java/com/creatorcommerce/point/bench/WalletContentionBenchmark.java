package com.creatorcommerce.point.bench;

import com.creatorcommerce.contracts.point.PointBalanceChanged;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.platform.test.RealInfrastructureInitializer;
import com.creatorcommerce.point.PointServiceApplication;
import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.domain.PointBalance;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 100 concurrent point uses on ONE wallet, four ways, in the same run against the same database (the real
 * point-service context on the local MySQL-compatible server, the in-process broker):
 * <ol>
 *   <li><b>combined ledger</b> (the service's {@link PointLedger}): concurrent changes of a wallet are applied in
 *       batches, one row lock, one batch insert, one balance update and one commit per batch;</li>
 *   <li><b>conditional UPDATE</b>: one transaction per use, {@code UPDATE ... SET balance = balance - ? WHERE balance
 *       >= ?}, then read the balance, insert the history row;</li>
 *   <li><b>SELECT ... FOR UPDATE</b>: one transaction per use, JPA pessimistic write lock on the wallet;</li>
 *   <li><b>@Version optimistic</b>: one transaction per use, JPA optimistic locking, retried (up to 10 attempts,
 *       2-20 ms jittered backoff) on a version conflict.</li>
 * </ol>
 * Every use writes the same rows (balance, one {@code point_transactions} row, one {@code point.balance-changed.v1}
 * outbox event). Rounds alternate between the strategies; each round is a fresh wallet holding enough points for all
 * uses, and the ledger invariants are checked after it.
 *
 * <p>Run: {@code ./mvnw -pl point-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.creatorcommerce.point.bench.WalletContentionBenchmark} (arguments: rounds, uses per round).
 */
public final class WalletContentionBenchmark {

    private static final long AMOUNT = 10;
    private static final int POOL = 20;
    private static final int OPTIMISTIC_ATTEMPTS = 10;

    private final ConfigurableApplicationContext app;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EntityManager em;
    private final PointLedger ledger;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final DistributionSummary batchSizes;
    private long combinedBatches;
    private double combinedEntries;
    private final AtomicLong userIds = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicLong optimisticAttempts = new AtomicLong();

    private WalletContentionBenchmark(ConfigurableApplicationContext app) {
        this.app = app;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.tx = app.getBean(TransactionTemplate.class);
        this.em = org.springframework.orm.jpa.SharedEntityManagerCreator.createSharedEntityManager(
                app.getBean(jakarta.persistence.EntityManagerFactory.class));
        this.ledger = app.getBean(PointLedger.class);
        this.ids = app.getBean(IdGenerator.class);
        this.outbox = app.getBean(Outbox.class);
        this.batchSizes =
                app.getBean(MeterRegistry.class).get("point.ledger.batch.size").summary();
    }

    /** One use of AMOUNT points; true when applied. */
    @FunctionalInterface
    private interface Use {
        boolean use(long user, long order);
    }

    private record Round(String strategy, long wallMillis, int succeeded, int uses, long[] latencyMicros) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int uses = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int status = 0;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PointServiceApplication.class)
                .initializers(new RealInfrastructureInitializer())
                .run(
                        "--server.port=0",
                        "--spring.datasource.hikari.maximum-pool-size=" + POOL,
                        "--spring.datasource.hikari.minimum-idle=" + POOL,
                        "--logging.level.root=WARN",
                        "--logging.level.com.creatorcommerce=WARN")) {
            new WalletContentionBenchmark(app).run(rounds, uses);
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // the loopback Kafka broker and the app's threads would keep exec:java waiting, also after a failed start
        System.exit(status);
    }

    private void run(int rounds, int uses) throws Exception {
        Map<String, Use> strategies = new LinkedHashMap<>();
        strategies.put("combined ledger (ours)", this::combined);
        strategies.put("conditional UPDATE per use", this::conditionalUpdate);
        strategies.put("SELECT ... FOR UPDATE", this::selectForUpdate);
        strategies.put("@Version optimistic + retries", this::optimistic);

        ExecutorService pool = Executors.newFixedThreadPool(uses);
        try {
            // warm-up: JIT, connection pool, statement caches
            for (int i = 0; i < 2; i++) {
                for (var s : strategies.entrySet()) {
                    round(s.getKey(), s.getValue(), uses, pool);
                }
            }
            Map<String, List<Round>> results = new LinkedHashMap<>();
            optimisticAttempts.set(0);
            combinedBatches = 0;
            combinedEntries = 0;
            for (int i = 0; i < rounds; i++) {
                for (var s : strategies.entrySet()) {
                    results.computeIfAbsent(s.getKey(), k -> new ArrayList<>())
                            .add(round(s.getKey(), s.getValue(), uses, pool));
                }
            }
            print(results, rounds, uses, combinedEntries / Math.max(1, combinedBatches));
        } finally {
            pool.shutdownNow();
        }
    }

    private Round round(String name, Use use, int uses, ExecutorService pool) throws Exception {
        long user = userIds.incrementAndGet();
        seed(user, uses * AMOUNT);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < uses; i++) {
            long order = ids.nextId();
            futures.add(pool.submit(() -> {
                start.await();
                long t0 = System.nanoTime();
                boolean ok;
                try {
                    ok = use.use(user, order);
                } catch (RuntimeException e) {
                    ok = false;
                }
                return new long[] {ok ? 1 : 0, (System.nanoTime() - t0) / 1_000};
            }));
        }
        long batchesBefore = batchSizes.count();
        double entriesBefore = batchSizes.totalAmount();
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
        if (name.startsWith("combined")) {
            combinedBatches += batchSizes.count() - batchesBefore;
            combinedEntries += batchSizes.totalAmount() - entriesBefore;
        }
        verify(name, user, uses * AMOUNT, succeeded);
        return new Round(name, wall, succeeded, uses, latencies);
    }

    // ------------------------------------------------------------------------------------------ strategies

    private boolean combined(long user, long order) {
        return ledger.apply(new LedgerEntry(user, TransactionType.USE, AMOUNT, ReferenceType.ORDER, order, null, null))
                instanceof LedgerOutcome.Applied;
    }

    private boolean conditionalUpdate(long user, long order) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            Instant now = Instant.now();
            int changed = jdbc.update(
                    "UPDATE point_balances SET balance = balance - ?, version = version + 1, "
                            + "updated_at = ? WHERE user_id = ? AND balance >= ?",
                    AMOUNT,
                    Timestamp.from(now),
                    user,
                    AMOUNT);
            if (changed == 0) {
                return false;
            }
            long after = jdbc.queryForObject("SELECT balance FROM point_balances WHERE user_id = ?", Long.class, user);
            history(user, order, after + AMOUNT, after, now);
            return true;
        }));
    }

    private boolean selectForUpdate(long user, long order) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            PointBalance b = em.find(PointBalance.class, user, LockModeType.PESSIMISTIC_WRITE);
            return applyTo(b, user, order);
        }));
    }

    private boolean optimistic(long user, long order) {
        for (int attempt = 1; ; attempt++) {
            optimisticAttempts.incrementAndGet();
            try {
                return Boolean.TRUE.equals(tx.execute(s -> applyTo(em.find(PointBalance.class, user), user, order)));
            } catch (ObjectOptimisticLockingFailureException e) {
                if (attempt >= OPTIMISTIC_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(2, 21));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** JPA: change the managed wallet, add the history row and the event; flushed at commit. */
    private boolean applyTo(PointBalance b, long user, long order) {
        if (b.balance() < AMOUNT) {
            return false;
        }
        Instant now = Instant.now();
        long before = b.change(-AMOUNT, now);
        long id = ids.nextId();
        em.persist(new PointTransaction(
                id,
                user,
                TransactionType.USE,
                -AMOUNT,
                before,
                before - AMOUNT,
                ReferenceType.ORDER,
                order,
                ReferenceType.ORDER.idempotencyKey(order, TransactionType.USE),
                now));
        event(id, user, order, before, before - AMOUNT, now);
        return true;
    }

    private void history(long user, long order, long before, long after, Instant now) {
        long id = ids.nextId();
        jdbc.update(
                """
                INSERT INTO point_transactions (transaction_id, user_id, transaction_type, amount, balance_before,
                    balance_after, reference_type, reference_id, idempotency_key, created_at)
                VALUES (?, ?, 'USE', ?, ?, ?, 'ORDER', ?, ?, ?)""",
                id,
                user,
                -AMOUNT,
                before,
                after,
                order,
                ReferenceType.ORDER.idempotencyKey(order, TransactionType.USE),
                Timestamp.from(now));
        event(id, user, order, before, after, now);
    }

    private void event(long id, long user, long order, long before, long after, Instant now) {
        outbox.append(OutboundMessage.of(
                        PointTopics.EVENTS,
                        Long.toString(user),
                        PointTopics.BALANCE_CHANGED,
                        new PointBalanceChanged(id, user, "USE", -AMOUNT, before, after, "ORDER", order, now))
                .withUserId(user));
    }

    // ------------------------------------------------------------------------------------------ setup and checks

    private void seed(long user, long points) {
        ledger.apply(
                new LedgerEntry(user, TransactionType.CHARGE, points, ReferenceType.ORDER, ids.nextId(), null, null));
    }

    private void verify(String name, long user, long seeded, int succeeded) {
        long balance = jdbc.queryForObject("SELECT balance FROM point_balances WHERE user_id = ?", Long.class, user);
        long sum =
                jdbc.queryForObject("SELECT SUM(amount) FROM point_transactions WHERE user_id = ?", Long.class, user);
        int uses = jdbc.queryForObject(
                "SELECT COUNT(*) FROM point_transactions WHERE user_id = ? " + "AND transaction_type = 'USE'",
                Integer.class,
                user);
        int broken = jdbc.queryForObject(
                "SELECT COUNT(*) FROM point_transactions WHERE user_id = ? AND "
                        + "balance_before + amount <> balance_after",
                Integer.class,
                user);
        if (balance != sum
                || uses != succeeded
                || balance != seeded - succeeded * AMOUNT
                || broken != 0
                || balance < 0) {
            throw new IllegalStateException(name + ": ledger invariant broken (balance " + balance + ", sum " + sum
                    + ", uses " + uses + ", succeeded " + succeeded + ")");
        }
    }

    private void print(Map<String, List<Round>> results, int rounds, int uses, double meanBatch) {
        System.out.printf(
                "%n%d concurrent uses of %d points on one wallet; %d measured rounds per strategy "
                        + "(after 2 warm-up rounds), pool %d connections, %s%n",
                uses, AMOUNT, rounds, POOL, jdbc.queryForObject("SELECT VERSION()", String.class));
        System.out.printf(
                "%-32s %10s %10s %10s %10s %10s %9s%n",
                "strategy", "median ms", "uses/s", "success", "p50 ms", "p99 ms", "vs FOR UPD");
        double forUpdate = medianWall(results.get("SELECT ... FOR UPDATE"));
        for (var e : results.entrySet()) {
            List<Round> rs = e.getValue();
            double median = medianWall(rs);
            int ok = rs.stream().mapToInt(Round::succeeded).sum();
            int all = rs.stream().mapToInt(Round::uses).sum();
            long[] lat = rs.stream()
                    .flatMapToLong(r -> Arrays.stream(r.latencyMicros()))
                    .sorted()
                    .toArray();
            System.out.printf(
                    "%-32s %10.0f %10.0f %9.1f%% %10.1f %10.1f %8.2fx%n",
                    e.getKey(),
                    median,
                    uses * 1000.0 / median,
                    100.0 * ok / all,
                    lat[lat.length / 2] / 1000.0,
                    lat[(int) (lat.length * 0.99)] / 1000.0,
                    forUpdate / median);
        }
        System.out.printf(
                "combined ledger: %.1f uses per wallet transaction on average; @Version: %.2f attempts "
                        + "per use%n%n",
                meanBatch, optimisticAttempts.get() / (double) (rounds * uses));
    }

    private static double medianWall(List<Round> rounds) {
        long[] w = rounds.stream().mapToLong(Round::wallMillis).sorted().toArray();
        return w.length % 2 == 1 ? w[w.length / 2] : (w[w.length / 2 - 1] + w[w.length / 2]) / 2.0;
    }
}
