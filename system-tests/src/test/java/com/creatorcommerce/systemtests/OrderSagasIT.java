package com.creatorcommerce.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestJwt;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The order sagas across the real services: order-service orchestrates, coupon-service, point-service and
 * payment-service (with WireMock as the PG) take part, each on its own database, all on the one broker. A user
 * takes a coupon and orders with it, buying points with a payment on the way → COMPLETED; then cancels → points
 * refunded, coupon usable again, stock restored.
 */
class OrderSagasIT extends PointAndPaymentSystemTest {

    private static final ConfigurableApplicationContext COUPON = OrderAndCouponServices.COUPON;
    private static final ConfigurableApplicationContext ORDER = OrderAndCouponServices.ORDER;

    private final JdbcTemplate orderJdbc = ORDER.getBean(JdbcTemplate.class);
    private final JdbcTemplate couponJdbc = COUPON.getBean(JdbcTemplate.class);

    @AfterEach
    void ledgerInvariantsHold() {
        assertLedgerInvariants();
    }

    @Test
    void aCouponAndChargeOrderCompletesAcrossTheServicesAndItsCancellationRefundsTheUsedPoints() {
        long user = newId();
        String admin = TestJwt.admin(newId());
        long userCouponId = takeCoupon(user, admin);
        JsonNode product = body(call(
                ORDER,
                "POST",
                "/v1/admin/products",
                admin,
                """
                {"product_name": "E2E tee", "base_price": 15000, "is_active": true, "options": [
                  {"option_name": "M", "sku": "E2E-%s", "additional_price": 0, "stock_quantity": 10}]}""".formatted(UUID.randomUUID().toString().substring(0, 8)),
                null));
        long option = Long.parseLong(product.path("options").get(0).path("id").asString());
        String paymentKey = newKey("pk_approve_");
        PG.stubFor(WireMock.post(urlEqualTo("/v1/payments/confirm"))
                .withRequestBody(matchingJsonPath("$.paymentKey", equalTo(paymentKey)))
                .willReturn(okJson("{\"paymentKey\":\"" + paymentKey + "\",\"status\":\"DONE\",\"totalAmount\":20000,"
                        + "\"approvedAt\":\"" + Instant.now() + "\"}")));

        HttpResponse<String> placed = call(
                ORDER,
                "POST",
                "/v1/orders",
                TestJwt.user(user),
                """
                {"items": [{"product_option_id": "%d", "quantity": 1}], "user_coupon_id": "%d",
                 "charge": {"amount": 20000, "payment_key": "%s"}}""".formatted(option, userCouponId, paymentKey),
                UUID.randomUUID().toString());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        long orderId = Long.parseLong(body(placed).path("id").asString());

        JsonNode completed = awaitOrder(user, orderId, "COMPLETED");
        assertThat(completed.path("discount_amount").asLong()).isEqualTo(3_000);
        assertThat(completed.path("final_amount").asLong()).isEqualTo(12_000);
        assertThat(completed.path("charge").path("points_charged").asBoolean()).isTrue();
        assertThat(balance(user)).as("20,000 bought, 12,000 used").isEqualTo(8_000);
        assertThat(usage(orderId)).isEqualTo("USED");
        assertThat(stock(option)).isEqualTo(9);
        assertThat(paymentJdbc()
                        .queryForObject(
                                "SELECT COUNT(*) FROM payments WHERE pg_payment_id = ?", Integer.class, paymentKey))
                .isEqualTo(1);

        HttpResponse<String> cancel =
                call(ORDER, "POST", "/v1/orders/" + orderId + "/cancel", TestJwt.user(user), null, null);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);

        JsonNode cancelled = awaitOrder(user, orderId, "CANCELLED");
        assertThat(cancelled.path("failure_code").asString()).isEqualTo("CANCELLED_BY_USER");
        assertThat(balance(user))
                .as("the 12,000 used are back; the 20,000 bought stay")
                .isEqualTo(20_000);
        assertThat(usage(orderId)).isEqualTo("CANCELLED");
        assertThat(couponJdbc.queryForObject(
                        "SELECT is_used FROM user_coupons WHERE user_coupon_id = ?", Boolean.class, userCouponId))
                .as("usable again")
                .isFalse();
        assertThat(stock(option)).isEqualTo(10);
    }

    /** An admin creates a 3,000 KRW coupon; the user takes it. */
    private long takeCoupon(long user, String admin) {
        Instant now = Instant.now();
        JsonNode coupon = body(call(
                COUPON,
                "POST",
                "/v1/admin/coupons",
                admin,
                """
                {"coupon_name": "E2E 3000", "discount_type": "FIXED", "discount_value": 3000, "min_order_amount": 0,
                 "total_quantity": 100, "valid_from": "%s", "valid_until": "%s", "is_active": true}""".formatted(now.minusSeconds(3_600), now.plusSeconds(86_400)),
                null));
        HttpResponse<String> issued = call(
                COUPON,
                "POST",
                "/v1/coupons/" + coupon.path("id").asString() + "/issue",
                TestJwt.user(user),
                null,
                null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return Long.parseLong(body(issued).path("id").asString());
    }

    private JsonNode awaitOrder(long user, long orderId, String status) {
        Await.until(
                "order " + orderId + " " + status,
                TIMEOUT,
                () -> status.equals(body(call(ORDER, "GET", "/v1/orders/" + orderId, TestJwt.user(user), null, null))
                        .path("status")
                        .asString()));
        return body(call(ORDER, "GET", "/v1/orders/" + orderId, TestJwt.user(user), null, null));
    }

    private String usage(long orderId) {
        return couponJdbc.queryForObject(
                "SELECT status FROM coupon_usage_history WHERE order_id = ?", String.class, orderId);
    }

    private int stock(long option) {
        return orderJdbc.queryForObject(
                "SELECT stock_quantity FROM product_options WHERE product_option_id = ?", Integer.class, option);
    }

    private HttpResponse<String> call(
            ConfigurableApplicationContext service,
            String method,
            String path,
            String token,
            String json,
            String idempotencyKey) {
        int port = service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
