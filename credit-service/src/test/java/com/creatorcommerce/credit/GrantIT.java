package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import com.creatorcommerce.platform.test.TestJwt;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bonus credits granted by admins: audited with the admin's id; refused to anybody else and for bad amounts. */
class GrantIT extends CreditIntegrationTest {

    @Test
    void anAdminGrantAddsABonusAuditedWithTheAdminsId() {
        long user = newUser();
        Http.Response r = http.post(
                "/v1/admin/credits/grants",
                TestJwt.admin(777),
                "{\"user_id\":\"" + user + "\",\"amount\":25,\"reason\":\"welcome bonus\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("granted_by")).isEqualTo("777");
        assertThat(r.json().get("new_balance").asLong()).isEqualTo(25);
        assertThat(balance(user)).isEqualTo(25);
        Map<String, Object> audit =
                jdbc.queryForMap("SELECT * FROM credit_grants WHERE id = ?", Long.parseLong(r.text("id")));
        assertThat(((Number) audit.get("granted_by")).longValue()).isEqualTo(777);
        assertThat(((Number) audit.get("user_id")).longValue()).isEqualTo(user);
        assertThat(audit.get("reason")).isEqualTo("welcome bonus");
        assertThat(((Number) audit.get("transaction_id")).longValue())
                .isEqualTo(Long.parseLong(r.text("transaction_id")));
        assertThat(jdbc.queryForObject(
                        "SELECT JSON_VALUE(extra_data, '$.granted_by') FROM credit_history WHERE id = ?",
                        String.class,
                        Long.parseLong(r.text("transaction_id"))))
                .isEqualTo("777");
        assertThat(http.get("/v1/credits/history?transaction_type=bonus", token(user))
                        .json()
                        .get("transactions")
                        .get(0)
                        .get("description")
                        .asString())
                .isEqualTo("Bonus: welcome bonus");
    }

    @Test
    void aGrantByANonAdminIs403AndChangesNothing() {
        long user = newUser();
        Http.Response r = http.post(
                "/v1/admin/credits/grants",
                token(user),
                "{\"user_id\":\"" + user + "\",\"amount\":1000,\"reason\":\"free money\"}");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(balance(user)).isZero();
        assertThat(http.post("/v1/admin/credits/grants", null, "{}").status()).isEqualTo(401);
    }

    @Test
    void badGrantsAre400AndChangeNothing() {
        long user = newUser();
        for (String amount : new String[] {"0", "-5", "2.5", "100001"}) {
            Http.Response r = http.post(
                    "/v1/admin/credits/grants",
                    adminToken(),
                    "{\"user_id\":\"" + user + "\",\"amount\":" + amount + ",\"reason\":\"x\"}");
            assertThat(r.isProblem(400, "VALIDATION_FAILED"))
                    .as(amount + ": " + r)
                    .isTrue();
        }
        assertThat(http.post(
                                "/v1/admin/credits/grants",
                                adminToken(),
                                "{\"user_id\":\"" + user + "\",\"amount\":5,\"reason\":\" \"}")
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(http.post(
                                "/v1/admin/credits/grants",
                                adminToken(),
                                "{\"user_id\":\"0\",\"amount\":5,\"reason\":\"x\"}")
                        .isProblem(400, "VALIDATION_FAILED"))
                .isTrue();
        assertThat(balance(user)).isZero();
    }
}
