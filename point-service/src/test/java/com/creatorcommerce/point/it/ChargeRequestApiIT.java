package com.creatorcommerce.point.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.payment.PaymentTopics;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input on the charge endpoints: 4xx problem+json, and nothing requested from payment-service or credited. */
class ChargeRequestApiIT extends PointIntegrationTest {

    @AfterEach
    void ledgerInvariantsHold() {
        assertLedgerInvariants();
    }

    private int chargeRequests(long user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM point_charge_requests WHERE user_id = ?", Integer.class, user);
    }

    @Test
    void aNewChargeRequestIsPendingWithAStringId() {
        long user = newId();

        HttpResponse<String> created = post("/v1/points/charges", user, "{\"amount\": 15000}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = body(created);
        assertThat(body.get("id").isString()).isTrue();
        assertThat(body.get("amount").asLong()).isEqualTo(15_000);
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("payment_key").isNull()).isTrue();
        assertThat(created.headers().firstValue("Location"))
                .hasValue("/v1/points/charges/" + body.get("id").asString());
        assertThat(body(get("/v1/points/charges/" + body.get("id").asString(), user))
                        .get("status")
                        .asString())
                .isEqualTo("PENDING");
    }

    @Test
    void nonPositiveFractionalAbsurdOrMissingAmountsAreRefused() {
        long user = newId();

        assertProblem(post("/v1/points/charges", user, "{\"amount\": 0}"), 400, "VALIDATION_FAILED");
        assertProblem(post("/v1/points/charges", user, "{\"amount\": -5000}"), 400, "VALIDATION_FAILED");
        assertProblem(post("/v1/points/charges", user, "{\"amount\": 1500.5}"), 400, "VALIDATION_FAILED");
        assertProblem(post("/v1/points/charges", user, "{}"), 400, "VALIDATION_FAILED");
        assertProblem(post("/v1/points/charges", user, "{\"amount\": \"lots\"}"), 400, "VALIDATION_FAILED");
        assertProblem(post("/v1/points/charges", user, "{\"amount\": 999}"), 400, "INVALID_CHARGE_AMOUNT");
        HttpResponse<String> absurd = post("/v1/points/charges", user, "{\"amount\": 100000000000000}");
        assertProblem(absurd, 400, "INVALID_CHARGE_AMOUNT");
        assertThat(body(absurd).get("max_amount").asLong()).isEqualTo(2_000_000);
        assertProblem(post("/v1/points/charges", user, "{\"amount\": 1e30}"), 400, "VALIDATION_FAILED");

        assertThat(chargeRequests(user)).isZero();
        assertThat(balance(user)).isZero();
    }

    @Test
    void someoneElsesRequestCannotBeConfirmedOrRead() {
        long owner = newId();
        long other = newId();
        long chargeId = createCharge(owner, 5_000);
        String key = newKey("pk_approve_");

        assertProblem(confirm(other, chargeId, key), 404, "CHARGE_REQUEST_NOT_FOUND");
        assertProblem(get("/v1/points/charges/" + chargeId, other), 404, "CHARGE_REQUEST_NOT_FOUND");
        assertProblem(confirm(owner, 12345L, key), 404, "CHARGE_REQUEST_NOT_FOUND");

        assertThat(body(get("/v1/points/charges/" + chargeId, owner))
                        .get("payment_key")
                        .isNull())
                .isTrue();
        assertThat(records(PaymentTopics.COMMANDS, key)).isEmpty();
    }

    @Test
    void aConfirmedRequestCannotBeConfirmedWithAnotherKeyAndAKeyServesOneRequest() {
        long user = newId();
        long first = createCharge(user, 5_000);
        long second = createCharge(user, 5_000);
        // unstubbed at the PG: the payment fails later, which does not matter here
        String key = newKey("pk_unstubbed_");

        assertThat(confirm(user, first, key).statusCode()).isEqualTo(202);
        assertProblem(confirm(user, first, newKey("pk_other_")), 409, "CHARGE_ALREADY_CONFIRMED");
        assertProblem(confirm(user, second, key), 409, "PAYMENT_KEY_ALREADY_USED");
        assertThat(body(get("/v1/points/charges/" + second, user))
                        .get("payment_key")
                        .isNull())
                .isTrue();
    }

    @Test
    void malformedPaymentKeysAreRefused() {
        long user = newId();
        long chargeId = createCharge(user, 5_000);

        assertProblem(confirm(user, chargeId, ""), 400, "VALIDATION_FAILED");
        assertProblem(confirm(user, chargeId, "pk with spaces"), 400, "VALIDATION_FAILED");
        assertProblem(confirm(user, chargeId, "x".repeat(201)), 400, "VALIDATION_FAILED");
        assertThat(body(get("/v1/points/charges/" + chargeId, user))
                        .get("payment_key")
                        .isNull())
                .isTrue();
    }

    @Test
    void requestsWithoutATokenAreRefused() {
        HttpResponse<String> response = send401();
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> send401() {
        try {
            return http.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://127.0.0.1:" + port + "/v1/points/balance"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
