package com.creatorcommerce.point.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The wallet under real concurrency on the real database: exact counts, no lost update, never below zero. */
class PointLedgerConcurrencyIT extends PointIntegrationTest {

    @Autowired
    PointLedger ledger;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void ledgerInvariantsHold() {
        assertLedgerInvariants();
    }

    private LedgerOutcome credit(long user, long amount) {
        return ledger.apply(
                new LedgerEntry(user, TransactionType.CHARGE, amount, ReferenceType.ORDER, newId(), null, null));
    }

    private static List<LedgerOutcome> concurrently(int threads, List<Callable<LedgerOutcome>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<LedgerOutcome>> futures = new ArrayList<>();
            for (Callable<LedgerOutcome> w : work) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return w.call();
                }));
            }
            start.countDown();
            List<LedgerOutcome> outcomes = new ArrayList<>();
            for (Future<LedgerOutcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHundredConcurrentUsesOfOneWalletSpendExactlyTheBalanceAndNoMore() throws Exception {
        long user = newId();
        credit(user, 500);
        long batchesBefore = batches().count();
        List<Callable<LedgerOutcome>> uses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long order = newId();
            uses.add(() -> ledger.apply(
                    new LedgerEntry(user, TransactionType.USE, 10, ReferenceType.ORDER, order, null, null)));
        }

        List<LedgerOutcome> outcomes = concurrently(100, uses);

        assertThat(outcomes.stream()
                        .filter(o -> o instanceof LedgerOutcome.Applied)
                        .count())
                .isEqualTo(50);
        assertThat(outcomes.stream()
                        .filter(o -> o instanceof LedgerOutcome.Insufficient)
                        .count())
                .isEqualTo(50);
        assertThat(balance(user)).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM point_transactions WHERE user_id = ? " + "AND transaction_type = 'USE'",
                        Integer.class,
                        user))
                .isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT version FROM point_balances WHERE user_id = ?", Long.class, user))
                .isEqualTo(51);
        assertThat(batches().count() - batchesBefore)
                .as("combined into fewer transactions than uses")
                .isLessThan(100);
    }

    @Test
    void concurrentCreditsAndDebitsOnSeveralWalletsLoseNothing() throws Exception {
        long[] users = {newId(), newId(), newId(), newId()};
        for (long u : users) {
            credit(u, 1_000);
        }
        List<Callable<LedgerOutcome>> work = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long user = users[i % users.length];
            long order = newId();
            TransactionType type = i % 3 == 0 ? TransactionType.CHARGE : TransactionType.USE;
            long amount = type == TransactionType.CHARGE ? 70 : 45;
            work.add(() -> ledger.apply(new LedgerEntry(user, type, amount, ReferenceType.ORDER, order, null, null)));
        }

        List<LedgerOutcome> outcomes = concurrently(64, work);

        for (long u : users) {
            long credited = jdbc.queryForObject(
                    "SELECT COALESCE(SUM(amount), 0) FROM point_transactions " + "WHERE user_id = ?", Long.class, u);
            assertThat(balance(u)).isEqualTo(credited).isGreaterThanOrEqualTo(0);
        }
        long applied = outcomes.stream()
                .filter(o -> o instanceof LedgerOutcome.Applied)
                .count();
        long refused = outcomes.stream()
                .filter(o -> o instanceof LedgerOutcome.Insufficient)
                .count();
        assertThat(applied + refused).isEqualTo(400);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM point_transactions WHERE user_id IN (?, ?, ?, ?)",
                        Integer.class,
                        users[0],
                        users[1],
                        users[2],
                        users[3]))
                .isEqualTo((int) applied + users.length);
    }

    @Test
    void theSameEntryAppliedConcurrentlyHappensOnce() throws Exception {
        long user = newId();
        credit(user, 1_000);
        long order = newId();
        List<Callable<LedgerOutcome>> same = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(() -> ledger.apply(
                    new LedgerEntry(user, TransactionType.USE, 300, ReferenceType.ORDER, order, null, null)));
        }

        List<LedgerOutcome> outcomes = concurrently(20, same);

        assertThat(outcomes.stream()
                        .filter(o -> o instanceof LedgerOutcome.Applied)
                        .count())
                .isEqualTo(1);
        assertThat(outcomes.stream()
                        .filter(o -> o instanceof LedgerOutcome.AlreadyApplied)
                        .count())
                .isEqualTo(19);
        assertThat(balance(user)).isEqualTo(700);
    }

    @Test
    void aFailingEntryFailsAloneWhileTheOthersOfItsBatchApply() throws Exception {
        long user = newId();
        credit(user, 1_000);
        List<Callable<LedgerOutcome>> work = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long order = newId();
            boolean poison = i == 7;
            work.add(() -> ledger.apply(new LedgerEntry(
                    user,
                    TransactionType.USE,
                    10,
                    ReferenceType.ORDER,
                    order,
                    new com.creatorcommerce.point.application.ledger.LedgerParticipant() {
                        @Override
                        public void complete(LedgerOutcome outcome) {
                            if (poison) {
                                throw new IllegalStateException("participant failure");
                            }
                        }
                    },
                    null)));
        }

        List<Object> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<LedgerOutcome>> futures =
                    work.stream().map(pool::submit).toList();
            for (Future<LedgerOutcome> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    results.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results.stream()
                        .filter(r -> r instanceof IllegalStateException)
                        .count())
                .isEqualTo(1);
        assertThat(results.stream()
                        .filter(r -> r instanceof LedgerOutcome.Applied)
                        .count())
                .isEqualTo(29);
        assertThat(balance(user)).isEqualTo(1_000 - 290);
    }

    @Test
    void theLedgerRefusesToRunInsideAnotherTransaction() {
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(applicationTransactionManager());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.executeWithoutResult(s -> credit(newId(), 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside");
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private org.springframework.transaction.PlatformTransactionManager applicationTransactionManager() {
        return transactionManager;
    }

    private DistributionSummary batches() {
        return meters.get("point.ledger.batch.size").summary();
    }
}
