package com.creatorcommerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.coupon.support.CouponFixture;
import com.creatorcommerce.coupon.support.CouponIntegrationTest;
import com.creatorcommerce.coupon.support.DbState;
import com.creatorcommerce.coupon.support.Http.Response;
import com.creatorcommerce.platform.test.TestJwt;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class CouponAdminIT extends CouponIntegrationTest {

    private static final String ADMIN = TestJwt.admin(1);
    private static final String USER = TestJwt.user(2);
    private static final Instant FROM = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant UNTIL = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    static Map<String, Object> validBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("coupon_name", "5,000원 할인 쿠폰");
        body.put("discount_type", "FIXED");
        body.put("discount_value", 5000);
        body.put("min_order_amount", 20000);
        body.put("total_quantity", 100);
        body.put("valid_from", FROM.toString());
        body.put("valid_until", UNTIL.toString());
        return body;
    }

    private String body(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = validBody();
        change.accept(body);
        return json.writeValueAsString(body);
    }

    @Test
    void anAdminCreatesACouponAndReadsItBack() {
        Response created = http.post("/v1/admin/coupons", ADMIN, body(b -> {}));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode c = created.json();
        assertThat(c.get("id").isString()).as("ids travel as strings").isTrue();
        long id = Long.parseLong(c.get("id").asString());
        assertThat(created.location()).endsWith("/v1/admin/coupons/" + id);
        assertThat(c.get("coupon_name").asString()).isEqualTo("5,000원 할인 쿠폰");
        assertThat(c.get("discount_type").asString()).isEqualTo("FIXED");
        assertThat(c.get("discount_value").asLong()).isEqualTo(5000);
        assertThat(c.get("min_order_amount").asLong()).isEqualTo(20000);
        assertThat(c.get("max_discount_amount").isNull()).isTrue();
        assertThat(c.get("total_quantity").asInt()).isEqualTo(100);
        assertThat(c.get("issued_quantity").asInt()).isZero();
        assertThat(c.get("remaining_quantity").asInt()).isEqualTo(100);
        assertThat(c.get("is_active").asBoolean()).isTrue();
        assertThat(c.has("active")).isFalse();
        assertThat(c.get("valid_from").asString()).isEqualTo(FROM.toString());
        assertThat(c.get("valid_until").asString()).isEqualTo(UNTIL.toString());
        assertThat(c.get("created_at").asString()).endsWith("Z");

        Response read = http.get("/v1/admin/coupons/" + id, ADMIN);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(c);
        assertThat(jdbc.queryForMap(
                        "SELECT coupon_name, discount_type, discount_value, total_quantity, "
                                + "issued_quantity, is_active FROM coupons WHERE coupon_id = ?",
                        id))
                .containsEntry("coupon_name", "5,000원 할인 쿠폰")
                .containsEntry("discount_type", "FIXED")
                .containsEntry("discount_value", 5000L)
                .containsEntry("total_quantity", 100)
                .containsEntry("issued_quantity", 0);
    }

    @Test
    void anUnlimitedPercentageCouponHasNoQuantity() {
        Response created = http.post("/v1/admin/coupons", ADMIN, body(b -> {
            b.put("discount_type", "PERCENTAGE");
            b.put("discount_value", 10);
            b.put("max_discount_amount", 3000);
            b.remove("total_quantity");
            b.put("valid_days_after_issue", 7);
        }));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("total_quantity").isNull()).isTrue();
        assertThat(created.json().get("remaining_quantity").isNull()).isTrue();
        assertThat(created.json().get("max_discount_amount").asLong()).isEqualTo(3000);
        assertThat(created.json().get("valid_days_after_issue").asInt()).isEqualTo(7);
    }

    @Test
    void anAdminRevisesTheTermsAndReactivates() {
        long id = CouponFixture.aFixedCoupon(1000)
                .withQuantity(10)
                .alreadyIssued(4)
                .inactive()
                .insert(jdbc);

        Response updated = http.put("/v1/admin/coupons/" + id, ADMIN, body(b -> {
            b.put("coupon_name", "Renamed");
            b.put("discount_value", 2000);
            b.put("total_quantity", 4);
            b.put("is_active", true);
        }));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("coupon_name").asString()).isEqualTo("Renamed");
        assertThat(updated.json().get("issued_quantity").asInt())
                .as("never written by an edit")
                .isEqualTo(4);
        assertThat(updated.json().get("remaining_quantity").asInt()).isZero();
        assertThat(updated.json().get("is_active").asBoolean()).isTrue();
        assertThat(jdbc.queryForMap(
                        "SELECT coupon_name, discount_value, total_quantity, issued_quantity, is_active "
                                + "FROM coupons WHERE coupon_id = ?",
                        id))
                .containsEntry("coupon_name", "Renamed")
                .containsEntry("discount_value", 2000L)
                .containsEntry("total_quantity", 4)
                .containsEntry("issued_quantity", 4)
                .containsEntry("is_active", true);
    }

    @Test
    void theTotalQuantityCannotDropBelowWhatWasIssued() {
        long id = CouponFixture.aFixedCoupon(1000)
                .withQuantity(10)
                .alreadyIssued(5)
                .insert(jdbc);
        DbState before = DbState.of(jdbc);

        Response refused = http.put("/v1/admin/coupons/" + id, ADMIN, body(b -> b.put("total_quantity", 4)));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.code()).isEqualTo("COUPON_QUANTITY_BELOW_ISSUED");
        assertThat(DbState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void deactivatingStopsIssuingButKeepsTheCoupon() {
        long id = CouponFixture.aFixedCoupon(1000).insert(jdbc);

        Response deactivated = http.delete("/v1/admin/coupons/" + id, ADMIN);

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().get("is_active").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT is_active FROM coupons WHERE coupon_id = ?", Boolean.class, id))
                .isFalse();
        Response issue = http.post("/v1/coupons/" + id + "/issue", TestJwt.user(CouponFixture.newUserId()), null);
        assertThat(issue.status()).isEqualTo(409);
        assertThat(issue.code()).isEqualTo("COUPON_INACTIVE");
        assertThat(http.delete("/v1/admin/coupons/" + id, ADMIN).status())
                .as("idempotent")
                .isEqualTo(200);
    }

    @Test
    void anAdminListsCouponsNewestFirst() {
        http.post("/v1/admin/coupons", ADMIN, body(b -> b.put("coupon_name", "older")));
        Response newer = http.post("/v1/admin/coupons", ADMIN, body(b -> b.put("coupon_name", "newer")));

        Response page = http.get("/v1/admin/coupons?page=1&page_size=1", ADMIN);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("items").get(0).get("id"))
                .isEqualTo(newer.json().get("id"));
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.json().get("page").asInt()).isEqualTo(1);
        assertThat(page.json().get("page_size").asInt()).isEqualTo(1);
        assertThat(page.json().get("has_more").asBoolean()).isTrue();
    }

    @Test
    void adminPathsNeedTheAdminRole() {
        long id = CouponFixture.aFixedCoupon(1000).insert(jdbc);
        DbState before = DbState.of(jdbc);

        assertThat(http.post("/v1/admin/coupons", USER, body(b -> {})).status()).isEqualTo(403);
        assertThat(http.get("/v1/admin/coupons", USER).status()).isEqualTo(403);
        assertThat(http.get("/v1/admin/coupons/" + id, USER).status()).isEqualTo(403);
        assertThat(http.put("/v1/admin/coupons/" + id, USER, body(b -> {})).status())
                .isEqualTo(403);
        Response forbidden = http.delete("/v1/admin/coupons/" + id, USER);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        assertThat(http.post("/v1/admin/coupons", null, body(b -> {})).status()).isEqualTo(401);

        assertThat(DbState.of(jdbc)).isEqualTo(before);
    }

    static Stream<Arguments> invalidCoupons() {
        return Stream.of(
                Arguments.of("negative discount", "discount_value", (Consumer<Map<String, Object>>)
                        b -> b.put("discount_value", -5000)),
                Arguments.of("zero discount", "discount_value", (Consumer<Map<String, Object>>)
                        b -> b.put("discount_value", 0)),
                Arguments.of("absurd discount", "discount_value", (Consumer<Map<String, Object>>)
                        b -> b.put("discount_value", 9_000_000_000_000_000L)),
                Arguments.of("discount not a number", "discount_value", (Consumer<Map<String, Object>>)
                        b -> b.put("discount_value", "lots")),
                Arguments.of("percentage above 100", "discount_value", (Consumer<Map<String, Object>>) b -> {
                    b.put("discount_type", "PERCENTAGE");
                    b.put("discount_value", 101);
                }),
                Arguments.of("unknown discount type", "discount_type", (Consumer<Map<String, Object>>)
                        b -> b.put("discount_type", "BOGO")),
                Arguments.of("max discount on a fixed coupon", "max_discount_amount", (Consumer<Map<String, Object>>)
                        b -> b.put("max_discount_amount", 100)),
                Arguments.of("negative max discount", "max_discount_amount", (Consumer<Map<String, Object>>) b -> {
                    b.put("discount_type", "PERCENTAGE");
                    b.put("discount_value", 10);
                    b.put("max_discount_amount", -1);
                }),
                Arguments.of("negative min order amount", "min_order_amount", (Consumer<Map<String, Object>>)
                        b -> b.put("min_order_amount", -1)),
                Arguments.of("zero quantity", "total_quantity", (Consumer<Map<String, Object>>)
                        b -> b.put("total_quantity", 0)),
                Arguments.of("negative quantity", "total_quantity", (Consumer<Map<String, Object>>)
                        b -> b.put("total_quantity", -10)),
                Arguments.of("absurd quantity", "total_quantity", (Consumer<Map<String, Object>>)
                        b -> b.put("total_quantity", 2_000_000_000)),
                Arguments.of("validity ends before it starts", "valid_until", (Consumer<Map<String, Object>>) b -> {
                    b.put("valid_from", UNTIL.toString());
                    b.put("valid_until", FROM.toString());
                }),
                Arguments.of("validity already over", "valid_until", (Consumer<Map<String, Object>>) b -> {
                    b.put("valid_from", FROM.minus(Duration.ofDays(10)).toString());
                    b.put("valid_until", FROM.toString());
                }),
                Arguments.of("not a date", "valid_from", (Consumer<Map<String, Object>>)
                        b -> b.put("valid_from", "yesterday")),
                Arguments.of("missing validity", "valid_until", (Consumer<Map<String, Object>>)
                        b -> b.remove("valid_until")),
                Arguments.of(
                        "blank name", "coupon_name", (Consumer<Map<String, Object>>) b -> b.put("coupon_name", "  ")),
                Arguments.of("name too long", "coupon_name", (Consumer<Map<String, Object>>)
                        b -> b.put("coupon_name", "x".repeat(101))),
                Arguments.of("zero days after issue", "valid_days_after_issue", (Consumer<Map<String, Object>>)
                        b -> b.put("valid_days_after_issue", 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCoupons")
    void anInvalidCouponIsRefusedAndNothingChanges(String why, String field, Consumer<Map<String, Object>> change) {
        long existing = CouponFixture.aFixedCoupon(1000).insert(jdbc);
        DbState before = DbState.of(jdbc);

        Response create = http.post("/v1/admin/coupons", ADMIN, body(change));
        Response update = http.put("/v1/admin/coupons/" + existing, ADMIN, body(change));

        for (Response refused : new Response[] {create, update}) {
            assertThat(refused.status()).as(why + ": " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().get("errors").findValuesAsString("field"))
                    .as(refused.body())
                    .contains(field);
            assertThat(refused.body()).doesNotContain("Exception").doesNotContain("SQL");
        }
        assertThat(DbState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void malformedJsonAndBadIdsAreRefused() {
        long existing = CouponFixture.aFixedCoupon(1000).insert(jdbc);
        DbState before = DbState.of(jdbc);

        Response malformed = http.post("/v1/admin/coupons", ADMIN, "{\"coupon_name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        Response overflow = http.post(
                "/v1/admin/coupons",
                ADMIN,
                body(b -> b.put("discount_value", new java.math.BigInteger("99999999999999999999999"))));
        assertThat(overflow.status()).as(overflow.toString()).isEqualTo(400);
        assertThat(overflow.isProblem()).isTrue();
        for (String id : new String[] {"abc", "-1", "0", "99999999999999999999"}) {
            Response bad = http.put("/v1/admin/coupons/" + id, ADMIN, body(b -> {}));
            assertThat(bad.status()).as(id).isEqualTo(400);
            assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(http.get("/v1/admin/coupons/" + id, ADMIN).status())
                    .as(id)
                    .isEqualTo(400);
        }
        Response unknown = http.put("/v1/admin/coupons/" + (existing + 1), ADMIN, body(b -> {}));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("COUPON_NOT_FOUND");
        assertThat(http.delete("/v1/admin/coupons/" + (existing + 1), ADMIN).code())
                .isEqualTo("COUPON_NOT_FOUND");

        assertThat(DbState.of(jdbc)).isEqualTo(before);
    }
}
