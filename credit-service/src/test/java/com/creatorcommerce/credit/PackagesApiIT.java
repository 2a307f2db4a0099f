package com.creatorcommerce.credit;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.credit.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seed 002's packages (public) and the admins' CRUD; a deactivated package cannot be bought, its history stays. */
class PackagesApiIT extends CreditIntegrationTest {

    @Test
    void thePublicListShowsSeed002sFourPackagesWithExactPrices() {
        Http.Response r = http.get("/v1/credits/packages", null);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode p : r.json().get("packages")) {
            if (p.get("id").asString().matches("starter_100|basic_500|pro_2000|premium_5000")) {
                rows.add(p.get("id").asString() + " " + p.get("credits").asLong() + " "
                        + p.get("price").decimalValue().toPlainString() + " "
                        + p.get("name").asString() + " "
                        + p.get("price_per_credit").decimalValue().toPlainString() + " "
                        + p.get("currency").asString());
            }
        }
        assertThat(rows)
                .containsExactly(
                        "starter_100 100 4.99 Starter Pack 0.0499 USD",
                        "basic_500 500 19.99 Basic Pack 0.04 USD",
                        "pro_2000 2000 69.99 Pro Pack 0.035 USD",
                        "premium_5000 5000 149.99 Premium Pack 0.03 USD");
        assertThat(r.body()).contains("\"price\":4.99").contains("\"price_per_credit\":0.0499");
    }

    @Test
    void adminsCreateReviseAndDeactivateAPackageWhosePurchasesStay() {
        String id = "test_" + Long.toString(newUser()).substring(6);
        Http.Response created = http.post(
                "/v1/admin/credits/packages",
                adminToken(),
                "{\"id\":\"" + id + "\",\"name\":\"Test Pack\",\"credits\":300,\"price\":9.50,\"currency\":\"USD\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("is_active").asBoolean()).isTrue();
        assertThat(created.json().get("price_per_credit").decimalValue().toPlainString())
                .isEqualTo("0.0317");
        assertThat(http.post(
                                "/v1/admin/credits/packages",
                                adminToken(),
                                "{\"id\":\"" + id
                                        + "\",\"name\":\"Again\",\"credits\":1,\"price\":1,\"currency\":\"USD\"}")
                        .isProblem(409, "CREDIT_PACKAGE_ALREADY_EXISTS"))
                .isTrue();

        long buyer = newUser();
        String bought = purchase(buyer, id, newKey("pk_approve_")).text("purchase_id");
        Http.Response revised = http.put(
                "/v1/admin/credits/packages/" + id,
                adminToken(),
                "{\"name\":\"Test Pack\",\"credits\":300,\"price\":12.00,\"currency\":\"USD\"}");
        assertThat(revised.json().get("price").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(http.get("/v1/credits/purchases/" + bought, token(buyer))
                        .json()
                        .get("amount_paid")
                        .decimalValue())
                .as("a purchase keeps its price")
                .isEqualByComparingTo("9.50");

        Http.Response gone = http.delete("/v1/admin/credits/packages/" + id, adminToken());
        assertThat(gone.json().get("is_active").asBoolean()).isFalse();
        assertThat(http.get("/v1/credits/packages", null).body()).doesNotContain(id);
        assertThat(purchase(newUser(), id, newKey("pk_approve_")).isProblem(409, "CREDIT_PACKAGE_INACTIVE"))
                .isTrue();
        assertThat(http.get("/v1/admin/credits/packages/" + id, adminToken()).status())
                .isEqualTo(200);
        assertThat(balance(buyer)).as("its history stays").isEqualTo(300);
        assertThat(historyRows(buyer, "purchase")).isEqualTo(1);
    }

    @Test
    void invalidPackagesAre400WithEveryField() {
        Http.Response r = http.post(
                "/v1/admin/credits/packages",
                adminToken(),
                "{\"id\":\"Bad Id\",\"name\":\"\",\"credits\":0,\"price\":1.999,\"currency\":\"usd\"}");
        assertThat(r.isProblem(400, "VALIDATION_FAILED")).as(r.toString()).isTrue();
        assertThat(r.body())
                .contains("\"field\":\"id\"")
                .contains("\"field\":\"name\"")
                .contains("\"field\":\"credits\"")
                .contains("\"field\":\"currency\"");
        assertThat(http.post(
                                "/v1/admin/credits/packages",
                                adminToken(),
                                "{\"id\":\"ok_id\",\"name\":\"n\",\"credits\":1,\"price\":1.999,\"currency\":\"USD\"}")
                        .body())
                .contains("\"field\":\"price\"");
        assertThat(http.post(
                                "/v1/admin/credits/packages",
                                adminToken(),
                                "{\"id\":\"ok_id\",\"name\":\"n\",\"credits\":1,\"price\":-1,\"currency\":\"XXY\"}")
                        .body())
                .contains("\"field\":\"price\"")
                .contains("\"field\":\"currency\"");
        assertThat(http.put(
                                "/v1/admin/credits/packages/nope",
                                adminToken(),
                                "{\"name\":\"n\",\"credits\":1,\"price\":1,\"currency\":\"USD\"}")
                        .isProblem(404, "CREDIT_PACKAGE_NOT_FOUND"))
                .isTrue();
        assertThat(http.get("/v1/admin/credits/packages/ok_id", adminToken()).status())
                .isEqualTo(404);
    }

    @Test
    void packageAdministrationNeedsTheAdminRole() {
        assertThat(http.get("/v1/admin/credits/packages", token(newUser())).status())
                .isEqualTo(403);
        assertThat(http.post(
                                "/v1/admin/credits/packages",
                                token(newUser()),
                                "{\"id\":\"x1\",\"name\":\"n\",\"credits\":1,\"price\":1,\"currency\":\"USD\"}")
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/v1/admin/credits/packages", null).status()).isEqualTo(401);
        assertThat(http.get("/v1/admin/credits/packages?page_size=100", adminToken())
                        .json()
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(4);
    }
}
