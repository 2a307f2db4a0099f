package com.creatorcommerce.coupon;

import static com.creatorcommerce.coupon.support.CouponFixture.aFixedCoupon;
import static com.creatorcommerce.coupon.support.CouponFixture.newUserId;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.coupon.application.CouponSnapshotCache;
import com.creatorcommerce.coupon.application.IssueCouponService;
import com.creatorcommerce.coupon.application.IssueSettings;
import com.creatorcommerce.coupon.application.IssueTransactions;
import com.creatorcommerce.coupon.application.port.IssueLedger;
import com.creatorcommerce.coupon.bench.ForUpdateCouponIssuing;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.coupon.support.CouponIntegrationTest;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The issuing variants at the service level on the real database: coalesced batches, one transaction per request,
 * two instances (separate lanes and snapshots) on one coupon, and the benchmark's FOR UPDATE baseline.
 */
class IssueStrategiesIT extends CouponIntegrationTest {

    @Autowired
    IssueLedger ledger;

    @Autowired
    Outbox outbox;

    @Autowired
    IdGenerator ids;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    interface Issuer {
        void issue(long userId, long couponId);
    }

    /** Another instance of the service: its own lanes and snapshot cache, the same database. */
    private IssueCouponService instance(Duration snapshotTtl, int maxBatch) {
        IssueSettings settings = new IssueSettings(snapshotTtl, 3, maxBatch, Duration.ofSeconds(30));
        CouponSnapshotCache snapshots = new CouponSnapshotCache(ledger, settings);
        return new IssueCouponService(
                snapshots,
                new IssueTransactions(ledger, snapshots, outbox, ids, tx, clock, settings),
                clock,
                settings,
                new SimpleMeterRegistry());
    }

    /** Every (issuer, user) request at once; returns outcome counts ("ISSUED" or the refusal). */
    private Map<String, Integer> race(List<Issuer> issuers, List<Long> users, long couponId) throws Exception {
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
            for (int i = 0; i < users.size(); i++) {
                Issuer issuer = issuers.get(i % issuers.size());
                long user = users.get(i);
                pool.execute(() -> {
                    String outcome;
                    try {
                        go.await();
                        issuer.issue(user, couponId);
                        outcome = "ISSUED";
                    } catch (CouponRefusedException e) {
                        outcome = e.refusal().name();
                    } catch (Exception e) {
                        outcome = e.toString();
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                });
            }
            go.countDown();
        }
        return outcomes;
    }

    private void assertExactly(long coupon, int quantity) {
        assertThat(issuedQuantity(coupon)).isEqualTo(quantity);
        assertThat(userCouponsOf(coupon)).isEqualTo(quantity);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT user_id) FROM user_coupons WHERE coupon_id = ?", Long.class, coupon))
                .isEqualTo(quantity);
    }

    private static List<Long> users(int distinct, int requestsEach) {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            long user = newUserId();
            for (int r = 0; r < requestsEach; r++) {
                users.add(user);
            }
        }
        java.util.Collections.shuffle(users);
        return users;
    }

    @Test
    void coalescedBatchesThatCrossTheSellOutPointIssueExactlyTheTotal() throws Exception {
        long coupon = aFixedCoupon(1000).withQuantity(37).insert(jdbc);
        IssueCouponService service = instance(Duration.ofSeconds(1), 100);

        Map<String, Integer> outcomes = race(List.of(service::issue), users(300, 2), coupon);

        assertThat(outcomes).containsEntry("ISSUED", 37);
        assertThat(outcomes.keySet()).isSubsetOf("ISSUED", "COUPON_SOLD_OUT", "COUPON_ALREADY_ISSUED");
        assertExactly(coupon, 37);
    }

    @Test
    void oneTransactionPerRequestIssuesExactlyTheTotal() throws Exception {
        long coupon = aFixedCoupon(1000).withQuantity(10).insert(jdbc);
        IssueCouponService service = instance(Duration.ZERO, 1);

        Map<String, Integer> outcomes = race(List.of(service::issue), users(100, 1), coupon);

        assertThat(outcomes).isEqualTo(Map.of("ISSUED", 10, "COUPON_SOLD_OUT", 90));
        assertExactly(coupon, 10);
    }

    @Test
    void twoInstancesOnOneCouponStayExact() throws Exception {
        long coupon = aFixedCoupon(1000).withQuantity(50).insert(jdbc);
        IssueCouponService first = instance(Duration.ofSeconds(1), 100);
        IssueCouponService second = instance(Duration.ofSeconds(1), 100);
        IssueCouponService third = instance(Duration.ZERO, 1);

        Map<String, Integer> outcomes = race(List.of(first::issue, second::issue, third::issue), users(200, 2), coupon);

        assertThat(outcomes).containsEntry("ISSUED", 50);
        assertThat(outcomes.keySet()).isSubsetOf("ISSUED", "COUPON_SOLD_OUT", "COUPON_ALREADY_ISSUED");
        assertExactly(coupon, 50);
    }

    @Test
    void anUnlimitedCouponIssuesToEveryDistinctUserInBatches() throws Exception {
        long coupon = aFixedCoupon(1000).unlimited().insert(jdbc);
        IssueCouponService service = instance(Duration.ofSeconds(1), 100);

        Map<String, Integer> outcomes = race(List.of(service::issue), users(150, 2), coupon);

        assertThat(outcomes).isEqualTo(Map.of("ISSUED", 150, "COUPON_ALREADY_ISSUED", 150));
        assertExactly(coupon, 150);
    }

    @Test
    void theBenchmarksForUpdateBaselineIsExactToo() throws Exception {
        long coupon = aFixedCoupon(1000).withQuantity(10).insert(jdbc);
        ForUpdateCouponIssuing baseline = new ForUpdateCouponIssuing(jdbc, tx, outbox, ids, clock);
        AtomicInteger calls = new AtomicInteger();

        Map<String, Integer> outcomes = race(
                List.of((u, c) -> {
                    calls.incrementAndGet();
                    baseline.issue(u, c);
                }),
                users(100, 1),
                coupon);

        assertThat(calls).hasValue(100);
        assertThat(outcomes).isEqualTo(Map.of("ISSUED", 10, "COUPON_SOLD_OUT", 90));
        assertExactly(coupon, 10);
    }
}
