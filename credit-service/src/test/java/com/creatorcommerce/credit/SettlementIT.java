package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import com.creatorcommerce.platform.test.TestJwt;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Settlements (issue 14): per creator and UTC month, gross credits, the 20 % fee rounded up to whole credits, net
 * money at 0.04 USD per credit rounded down; idempotent per (creator, period), never recomputed; paid by an admin.
 */
class SettlementIT extends CreditIntegrationTest {

    private static final String NOW = YearMonth.now(ZoneOffset.UTC).toString();

    private void give(long donor, long creator, long credits) {
        Http.Response r = http.post(
                "/v1/donations",
                token(donor),
                "{\"creator_id\":\"" + creator + "\",\"credits\":" + credits + "}",
                Map.of("Idempotency-Key", newKey("s-")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private Http.Response settle(String period) {
        return http.post("/v1/admin/settlements", adminToken(), "{\"period\":\"" + period + "\"}");
    }

    private static JsonNode of(Http.Response run, long creator) {
        for (JsonNode s : run.json().get("settlements")) {
            if (s.get("creator_id").asString().equals(Long.toString(creator))) {
                return s;
            }
        }
        return null;
    }

    @Test
    void aPeriodIsSettledOncePerCreatorWithExactSums() {
        long fan = newUser();
        long a = newUser();
        long b = newUser();
        fund(fan, 1000);
        give(fan, a, 10);
        give(fan, a, 25);
        give(fan, a, 100);
        give(fan, b, 7);

        Http.Response first = settle(NOW);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode sa = of(first, a);
        assertThat(sa.get("donations").asLong()).isEqualTo(3);
        assertThat(sa.get("gross_credits").asLong()).isEqualTo(135);
        assertThat(sa.get("fee_credits").asLong()).isEqualTo(27);
        assertThat(sa.get("net_credits").asLong()).isEqualTo(108);
        assertThat(sa.get("net_amount").decimalValue()).isEqualByComparingTo("4.32");
        assertThat(sa.get("currency").asString()).isEqualTo("USD");
        assertThat(sa.get("status").asString()).isEqualTo("OWED");
        JsonNode sb = of(first, b);
        assertThat(sb.get("fee_credits").asLong())
                .as("20 % of 7 = 1.4, rounded up")
                .isEqualTo(2);
        assertThat(sb.get("net_credits").asLong()).isEqualTo(5);
        assertThat(sb.get("net_amount").decimalValue()).isEqualByComparingTo("0.20");

        give(fan, a, 50); // after the settlement of the running month: carried over, never changes it
        Http.Response again = settle(NOW);
        assertThat(of(again, a).get("id").asString()).isEqualTo(sa.get("id").asString());
        assertThat(of(again, a).get("gross_credits").asLong()).isEqualTo(135);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlements WHERE creator_id = ?", Integer.class, a))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM donations WHERE creator_id = ? AND settlement_id IS NULL",
                        Integer.class,
                        a))
                .isEqualTo(1);

        JsonNode mine = http.get("/v1/settlements/me", token(a)).json();
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/v1/settlements/me", token(fan))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        String id = sa.get("id").asString();
        Http.Response paid = http.post("/v1/admin/settlements/" + id + "/paid", TestJwt.admin(42), "");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.text("status")).isEqualTo("PAID");
        assertThat(paid.text("paid_by")).isEqualTo("42");
        assertThat(http.post("/v1/admin/settlements/" + id + "/paid", adminToken(), "")
                        .isProblem(409, "SETTLEMENT_ALREADY_PAID"))
                .isTrue();
        assertThat(http.post("/v1/admin/settlements/1/paid", adminToken(), "").isProblem(404, "SETTLEMENT_NOT_FOUND"))
                .isTrue();
    }

    @Test
    void badPeriodsAre400AndOnlyAdminsSettle() {
        String future = YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString();
        for (String period : new String[] {"2026-13", "2026-00", "26-11", "2026/11", "next", "", future}) {
            assertThat(settle(period).isProblem(400, "VALIDATION_FAILED"))
                    .as(period)
                    .isTrue();
        }
        assertThat(http.post("/v1/admin/settlements", adminToken(), "{}").isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        Http.Response notAdmin = http.post("/v1/admin/settlements", token(newUser()), "{\"period\":\"" + NOW + "\"}");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(http.post("/v1/admin/settlements/1/paid", token(newUser()), "")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aPastMonthWithoutDonationsSettlesNothing() {
        Http.Response r = settle("2020-01");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isZero();
        assertThat(r.json().get("settlements").size()).isZero();
    }
}
