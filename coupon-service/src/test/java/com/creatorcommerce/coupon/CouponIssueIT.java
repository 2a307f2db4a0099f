package com.creatorcommerce.coupon;

import static com.creatorcommerce.coupon.support.CouponFixture.aFixedCoupon;
import static com.creatorcommerce.coupon.support.CouponFixture.aPercentageCoupon;
import static com.creatorcommerce.coupon.support.CouponFixture.newUserId;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.coupon.support.CouponIntegrationTest;
import com.creatorcommerce.coupon.support.DbState;
import com.creatorcommerce.coupon.support.Http.Response;
import com.creatorcommerce.coupon.support.RecordingStatementInspector;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.TopicRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CouponIssueIT extends CouponIntegrationTest {

    private static TopicRecorder events;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void record() {
        events = TopicRecorder.of(CouponTopics.EVENTS);
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    private Response issue(long couponId, long userId) {
        return http.post("/v1/coupons/" + couponId + "/issue", TestJwt.user(userId), null);
    }

    @Test
    void issuesACouponAndAnnouncesIt() {
        long coupon = aFixedCoupon(5000).withQuantity(10).insert(jdbc);
        long user = newUserId();

        Response issued = issue(coupon, user);

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonNode body = issued.json();
        String userCouponId = body.get("id").asString();
        assertThat(body.get("coupon_id").asString()).isEqualTo(Long.toString(coupon));
        assertThat(body.get("status").asString()).isEqualTo("UNUSED");
        assertThat(body.get("discount_type").asString()).isEqualTo("FIXED");
        assertThat(body.get("discount_value").asLong()).isEqualTo(5000);
        assertThat(body.get("issued_at").asString()).endsWith("Z");
        assertThat(issuedQuantity(coupon)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT user_id FROM user_coupons WHERE user_coupon_id = ?",
                        Long.class,
                        Long.parseLong(userCouponId)))
                .isEqualTo(user);

        ConsumerRecord<String, String> event = events.await(
                        r -> userCouponId.equals(r.key()), 1, Duration.ofSeconds(30))
                .getFirst();
        assertThat(TopicRecorder.header(event, MessageHeaders.TYPE)).isEqualTo(CouponTopics.ISSUED);
        assertThat(TopicRecorder.header(event, MessageHeaders.USER_ID)).isEqualTo(Long.toString(user));
        JsonNode payload = json.readTree(event.value());
        assertThat(payload.get("user_coupon_id").asString()).isEqualTo(userCouponId);
        assertThat(payload.get("coupon_id").asString()).isEqualTo(Long.toString(coupon));
        assertThat(payload.get("user_id").asString()).isEqualTo(Long.toString(user));
        assertThat(payload.get("expires_at").asString())
                .isEqualTo(body.get("expires_at").asString());
    }

    @Test
    void everyIssueRequestIsCountedByOutcomeForOps() {
        long coupon = aFixedCoupon(5000).withQuantity(1).insert(jdbc);
        long first = newUserId();
        Map<String, Double> before = issueOutcomes();

        assertThat(issue(coupon, first).status()).isEqualTo(201);
        assertThat(issue(coupon, first).code()).isEqualTo("COUPON_ALREADY_ISSUED");
        assertThat(issue(coupon, newUserId()).code()).isEqualTo("COUPON_SOLD_OUT");
        assertThat(issue(coupon + 1_000_000, newUserId()).code()).isEqualTo("COUPON_NOT_FOUND");

        Map<String, Double> after = issueOutcomes();
        assertThat(after.keySet())
                .containsExactlyInAnyOrder("issued", "sold_out", "already_issued", "not_issuable", "busy");
        after.replaceAll((outcome, n) -> n - before.get(outcome));
        assertThat(after)
                .isEqualTo(Map.of(
                        "issued", 1.0, "sold_out", 1.0, "already_issued", 1.0, "not_issuable", 1.0, "busy", 0.0));
    }

    private Map<String, Double> issueOutcomes() {
        return meters.find("coupon.issue.requests").counters().stream()
                .collect(Collectors.toMap(c -> c.getId().getTag("outcome"), Counter::count));
    }

    @Test
    void theSameUserGetsACouponOnlyOnce() {
        long coupon = aFixedCoupon(5000).withQuantity(10).insert(jdbc);
        long user = newUserId();
        assertThat(issue(coupon, user).status()).isEqualTo(201);
        DbState before = DbState.of(jdbc);

        Response again = issue(coupon, user);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.code()).isEqualTo("COUPON_ALREADY_ISSUED");
        assertThat(DbState.of(jdbc)).isEqualTo(before);
        assertThat(issuedQuantity(coupon)).isEqualTo(1);
    }

    @Test
    void refusesCouponsThatCannotBeIssuedWithDistinctCodes() {
        Map<String, Long> coupons = Map.of(
                "COUPON_INACTIVE", aFixedCoupon(1000).inactive().insert(jdbc),
                "COUPON_EXPIRED", aFixedCoupon(1000).expired().insert(jdbc),
                "COUPON_NOT_STARTED", aFixedCoupon(1000).notStartedYet().insert(jdbc),
                "COUPON_SOLD_OUT", aFixedCoupon(1000).withQuantity(3).soldOut().insert(jdbc));
        long unknown = aFixedCoupon(1000).insert(jdbc) + 1;
        DbState before = DbState.of(jdbc);

        coupons.forEach((code, coupon) -> {
            Response refused = issue(coupon, newUserId());
            assertThat(refused.status()).as(code).isEqualTo(409);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.code()).isEqualTo(code);
        });
        Response notFound = issue(unknown, newUserId());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.code()).isEqualTo("COUPON_NOT_FOUND");

        assertThat(DbState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void refusesMalformedCouponIdsAndAnonymousCallers() {
        long coupon = aFixedCoupon(1000).insert(jdbc);
        DbState before = DbState.of(jdbc);

        for (String id : new String[] {"abc", "-5", "0", "1.5", "99999999999999999999"}) {
            Response bad = http.post("/v1/coupons/" + id + "/issue", TestJwt.user(newUserId()), null);
            assertThat(bad.status()).as(id).isEqualTo(400);
            assertThat(bad.isProblem()).isTrue();
            assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
        }
        Response anonymous = http.post("/v1/coupons/" + coupon + "/issue", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("AUTHENTICATION_REQUIRED");

        assertThat(DbState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void theUserCouponExpiresByTheDaysRuleOrWithTheCoupon() {
        long sevenDays = aFixedCoupon(1000).validDaysAfterIssue(7).insert(jdbc);
        Instant soon = Instant.now().plus(Duration.ofDays(2));
        long endsSooner =
                aFixedCoupon(1000).validDaysAfterIssue(7).validUntil(soon).insert(jdbc);

        JsonNode byDays = issue(sevenDays, newUserId()).json();
        JsonNode byEnd = issue(endsSooner, newUserId()).json();

        assertThat(Instant.parse(byDays.get("expires_at").asString()))
                .isEqualTo(Instant.parse(byDays.get("issued_at").asString()).plus(Duration.ofDays(7)));
        assertThat(Instant.parse(byEnd.get("expires_at").asString()))
                .isEqualTo(soon.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    void anUnlimitedCouponIsIssuedToEveryone() {
        long coupon = aFixedCoupon(3000).unlimited().insert(jdbc);

        for (int i = 0; i < 5; i++) {
            assertThat(issue(coupon, newUserId()).status()).isEqualTo(201);
        }

        assertThat(issuedQuantity(coupon)).isEqualTo(5);
        assertThat(userCouponsOf(coupon)).isEqualTo(5);
    }

    @Test
    void listsIssuableCouponsWithoutLogin() {
        Instant soon = Instant.now().plus(Duration.ofHours(1));
        long issuable = aPercentageCoupon(10, 3000L)
                .withQuantity(50)
                .alreadyIssued(10)
                .validUntil(soon)
                .insert(jdbc);
        long unlimited = aFixedCoupon(3000).unlimited().validUntil(soon).insert(jdbc);
        List<Long> notIssuable = List.of(
                aFixedCoupon(1000).inactive().insert(jdbc),
                aFixedCoupon(1000).expired().insert(jdbc),
                aFixedCoupon(1000).notStartedYet().insert(jdbc),
                aFixedCoupon(1000).withQuantity(5).soldOut().insert(jdbc));

        List<JsonNode> listed = new ArrayList<>();
        for (int page = 1; ; page++) {
            Response response = http.get("/v1/coupons?page=" + page + "&page_size=100", null);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            response.json().get("items").forEach(listed::add);
            if (!response.json().get("has_more").asBoolean()) {
                break;
            }
        }

        Map<String, JsonNode> byId =
                listed.stream().collect(Collectors.toMap(n -> n.get("id").asString(), n -> n));
        assertThat(byId).containsKeys(Long.toString(issuable), Long.toString(unlimited));
        assertThat(byId)
                .doesNotContainKeys(notIssuable.stream().map(String::valueOf).toArray(String[]::new));
        JsonNode percentage = byId.get(Long.toString(issuable));
        assertThat(percentage.get("discount_type").asString()).isEqualTo("PERCENTAGE");
        assertThat(percentage.get("max_discount_amount").asLong()).isEqualTo(3000);
        assertThat(percentage.get("remaining_quantity").asInt()).isEqualTo(40);
        assertThat(byId.get(Long.toString(unlimited)).get("remaining_quantity").isNull())
                .isTrue();
        Response badPage = http.get("/v1/coupons?page=0", null);
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(http.get("/v1/coupons?page_size=101", null).status()).isEqualTo(400);
    }

    @Test
    void myCouponsAreFilteredByStatus() {
        long user = newUserId();
        long unusedCoupon = aFixedCoupon(1000).insert(jdbc);
        long usedCoupon = aFixedCoupon(2000).insert(jdbc);
        long expiringCoupon = aFixedCoupon(3000).insert(jdbc);
        String unused = issue(unusedCoupon, user).json().get("id").asString();
        String used = issue(usedCoupon, user).json().get("id").asString();
        String expired = issue(expiringCoupon, user).json().get("id").asString();
        jdbc.update(
                "UPDATE user_coupons SET is_used = TRUE, order_id = 77, used_at = UTC_TIMESTAMP(6) "
                        + "WHERE user_coupon_id = ?",
                Long.parseLong(used));
        jdbc.update(
                "UPDATE user_coupons SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 DAY " + "WHERE user_coupon_id = ?",
                Long.parseLong(expired));
        String token = TestJwt.user(user);

        assertThat(ids(http.get("/v1/users/me/coupons?status=unused", token))).containsExactly(unused);
        assertThat(ids(http.get("/v1/users/me/coupons?status=used", token))).containsExactly(used);
        assertThat(ids(http.get("/v1/users/me/coupons?status=expired", token))).containsExactly(expired);
        Response all = http.get("/v1/users/me/coupons", token);
        assertThat(ids(all)).containsExactlyInAnyOrder(unused, used, expired);
        assertThat(all.json().get("total").asLong()).isEqualTo(3);
        Map<String, String> statuses = new java.util.HashMap<>();
        all.json()
                .get("items")
                .forEach(n ->
                        statuses.put(n.get("id").asString(), n.get("status").asString()));
        assertThat(statuses)
                .containsEntry(unused, "UNUSED")
                .containsEntry(used, "USED")
                .containsEntry(expired, "EXPIRED");
        JsonNode usedItem = http.get("/v1/users/me/coupons?status=used", token)
                .json()
                .get("items")
                .get(0);
        assertThat(usedItem.get("order_id").asString()).isEqualTo("77");

        Response bad = http.get("/v1/users/me/coupons?status=lost", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(http.get("/v1/users/me/coupons", null).status()).isEqualTo(401);
    }

    @Test
    void aUserNeverSeesAnotherUsersCoupons() {
        long coupon = aFixedCoupon(1000).insert(jdbc);
        long owner = newUserId();
        long other = newUserId();
        assertThat(issue(coupon, owner).status()).isEqualTo(201);

        Response othersView = http.get("/v1/users/me/coupons", TestJwt.user(other));
        Response othersCheck =
                http.post("/v1/coupons/check-batch", TestJwt.user(other), "{\"coupon_ids\":[\"" + coupon + "\"]}");

        assertThat(othersView.json().get("items")).isEmpty();
        assertThat(othersView.json().get("total").asLong()).isZero();
        assertThat(othersCheck
                        .json()
                        .get("issued_coupons")
                        .get(Long.toString(coupon))
                        .asBoolean())
                .isFalse();
        assertThat(ids(http.get("/v1/users/me/coupons", TestJwt.user(owner)))).hasSize(1);
    }

    @Test
    void checkBatchAnswersForEveryIdInOneQuery() {
        long user = newUserId();
        long first = aFixedCoupon(1000).insert(jdbc);
        long second = aFixedCoupon(1000).insert(jdbc);
        long notIssued = aFixedCoupon(1000).insert(jdbc);
        long unknown = notIssued + 7;
        issue(first, user);
        issue(second, user);
        String body = "{\"coupon_ids\":[\"" + first + "\",\"" + notIssued + "\"," + second + ",\"" + unknown + "\",\""
                + first + "\"]}";

        RecordingStatementInspector.clear();
        Response response = http.post("/v1/coupons/check-batch", TestJwt.user(user), body);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode issued = response.json().get("issued_coupons");
        assertThat(issued.propertyNames())
                .containsExactly(
                        Long.toString(first), Long.toString(notIssued), Long.toString(second), Long.toString(unknown));
        assertThat(issued.get(Long.toString(first)).asBoolean()).isTrue();
        assertThat(issued.get(Long.toString(second)).asBoolean()).isTrue();
        assertThat(issued.get(Long.toString(notIssued)).asBoolean()).isFalse();
        assertThat(issued.get(Long.toString(unknown)).asBoolean()).isFalse();
        List<RecordingStatementInspector.Statement> statements =
                RecordingStatementInspector.recorded(s -> s.thread().startsWith("http-nio"));
        assertThat(statements).as("SQL of the request").hasSize(1);
        assertThat(statements.getFirst().sql().toLowerCase())
                .startsWith("select")
                .contains("from user_coupons")
                .contains(" in ");
    }

    @Test
    void checkBatchOfAHundredIdsIsStillOneQuery() {
        long user = newUserId();
        String ids =
                LongStream.rangeClosed(1, 100).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));

        RecordingStatementInspector.clear();
        Response response = http.post("/v1/coupons/check-batch", TestJwt.user(user), "{\"coupon_ids\":[" + ids + "]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("issued_coupons").size()).isEqualTo(100);
        assertThat(RecordingStatementInspector.recorded(s -> s.thread().startsWith("http-nio")))
                .hasSize(1);
    }

    @Test
    void checkBatchRefusesTooManyOrMalformedIds() {
        String token = TestJwt.user(newUserId());
        String tooMany = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));
        DbState before = DbState.of(jdbc);

        Map<String, String> bodies = Map.of(
                "101 ids", "{\"coupon_ids\":[" + tooMany + "]}",
                "not a number", "{\"coupon_ids\":[\"abc\"]}",
                "negative", "{\"coupon_ids\":[\"-3\"]}",
                "zero", "{\"coupon_ids\":[0]}",
                "null id", "{\"coupon_ids\":[null]}",
                "empty", "{\"coupon_ids\":[]}",
                "missing", "{}",
                "not a list", "{\"coupon_ids\":\"1,2\"}",
                "too large", "{\"coupon_ids\":[\"99999999999999999999\"]}");
        bodies.forEach((why, body) -> {
            Response refused = http.post("/v1/coupons/check-batch", token, body);
            assertThat(refused.status()).as(why + ": " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        });
        assertThat(http.post("/v1/coupons/check-batch", token, "{\"coupon_ids\":[\"abc\"]}")
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .startsWith("coupon_ids");
        assertThat(http.post("/v1/coupons/check-batch", null, "{\"coupon_ids\":[1]}")
                        .status())
                .isEqualTo(401);
        assertThat(DbState.of(jdbc)).isEqualTo(before);
    }

    private static List<String> ids(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }
}
