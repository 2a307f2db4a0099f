package com.creatorcommerce.coupon;

import static com.creatorcommerce.coupon.support.CouponFixture.aFixedCoupon;
import static com.creatorcommerce.coupon.support.CouponFixture.newUserId;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.coupon.support.CouponIntegrationTest;
import com.creatorcommerce.coupon.support.Http.Response;
import com.creatorcommerce.platform.test.TestJwt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issuing on the real database under real concurrency (over HTTP, many requests in flight at once). */
class CouponConcurrencyIT extends CouponIntegrationTest {

    /** Fires all requests at once (threads wait on a latch) and returns the responses. */
    private List<Response> race(List<Long> users, long couponId) throws Exception {
        CountDownLatch ready = new CountDownLatch(users.size());
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(users.size())) {
            List<Future<Response>> futures = new ArrayList<>();
            for (long user : users) {
                String token = TestJwt.user(user);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return http.post("/v1/coupons/" + couponId + "/issue", token, null);
                }));
            }
            ready.await();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        }
    }

    private static Map<String, Long> byOutcome(List<Response> responses) {
        return responses.stream()
                .collect(Collectors.groupingBy(
                        r -> r.status() == 201 ? "ISSUED" : r.status() + " " + r.code(), Collectors.counting()));
    }

    @Test
    void issuesExactlyTheTotalQuantityWhenAHundredUsersRaceForTen() throws Exception {
        long coupon = aFixedCoupon(5000).withQuantity(10).insert(jdbc);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            users.add(newUserId());
        }

        List<Response> responses = race(users, coupon);

        assertThat(byOutcome(responses))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ISSUED", 10L, "409 COUPON_SOLD_OUT", 90L));
        assertThat(issuedQuantity(coupon)).isEqualTo(10);
        assertThat(userCouponsOf(coupon)).isEqualTo(10);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT user_id) FROM user_coupons WHERE coupon_id = ?", Long.class, coupon))
                .as("no user twice")
                .isEqualTo(10);
        List<Long> winners = responses.stream()
                .filter(r -> r.status() == 201)
                .map(r -> Long.parseLong(r.json().get("id").asString()))
                .toList();
        assertThat(jdbc.queryForList("SELECT user_coupon_id FROM user_coupons WHERE coupon_id = ?", Long.class, coupon))
                .containsExactlyInAnyOrderElementsOf(winners);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'coupon.issued.v1' "
                                + "AND payload LIKE ?",
                        Long.class,
                        "%\"coupon_id\":\"" + coupon + "\"%"))
                .as("one coupon.issued.v1 per issued coupon")
                .isEqualTo(10);
    }

    @Test
    void oneUserSendingTwentyRequestsAtOnceGetsExactlyOneCoupon() throws Exception {
        long coupon = aFixedCoupon(5000).withQuantity(100).insert(jdbc);
        long user = newUserId();
        List<Long> sameUser = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sameUser.add(user);
        }

        List<Response> responses = race(sameUser, coupon);

        assertThat(byOutcome(responses))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ISSUED", 1L, "409 COUPON_ALREADY_ISSUED", 19L));
        assertThat(issuedQuantity(coupon))
                .as("a duplicate never takes quantity")
                .isEqualTo(1);
        assertThat(userCouponsOf(coupon)).isEqualTo(1);
    }

    @Test
    void usersRetryingWhileRacingForTheLastCouponsNeverGetTwoAndNeverOverIssue() throws Exception {
        long coupon = aFixedCoupon(5000).withQuantity(20).insert(jdbc);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long user = newUserId();
            users.add(user);
            users.add(user);
            users.add(user);
        }

        List<Response> responses = race(users, coupon);

        Map<String, Long> outcomes = byOutcome(responses);
        assertThat(outcomes.get("ISSUED")).isEqualTo(20);
        assertThat(outcomes.keySet()).allMatch(k -> k.equals("ISSUED") || k.startsWith("409 "));
        assertThat(issuedQuantity(coupon)).isEqualTo(20);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT user_id) FROM user_coupons WHERE coupon_id = ?", Long.class, coupon))
                .isEqualTo(20);
        assertThat(userCouponsOf(coupon)).isEqualTo(20);
        Map<Long, Long> perUser =
                jdbc.queryForList("SELECT user_id FROM user_coupons WHERE coupon_id = ?", Long.class, coupon).stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perUser.values()).allMatch(n -> n == 1);
    }
}
