package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.CouponUseConfirmed;
import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.order.support.OrderTestBase;
import com.creatorcommerce.order.support.Participants.Command;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The charge-then-order saga's happy paths, with and without coupon and charge. */
class OrderCheckoutIT extends OrderTestBase {

    @Test
    void anOrderWithoutCouponOrChargeIsPaidWithPointsAndCompletes() {
        Created tee = createProduct("Tee", 19_000, OptionSpec.of("M", 1_000, 10));
        User user = newUser();

        HttpResponse<String> response = placeOrder(user, items(tee.option(0), 2));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode placed = json(response);
        long orderId = Long.parseLong(placed.path("id").asString());
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/orders/" + orderId);
        assertThat(placed.path("status").asString()).isEqualTo("PENDING");
        assertThat(placed.path("total_amount").asLong()).isEqualTo(40_000);
        assertThat(placed.path("final_amount").asLong()).isEqualTo(40_000);
        assertThat(placed.path("saga_type").asString()).isEqualTo("order.checkout");
        assertThat(placed.path("saga_status").asString()).isEqualTo("RUNNING");
        assertThat(placed.path("current_step").asString()).isEqualTo("use-points");
        assertThat(stockOf(tee.option(0))).as("reserved with the order").isEqualTo(8);

        Command use = participants.await(PointTopics.USE, orderId);
        assertThat(use.key()).isEqualTo(Long.toString(orderId));
        assertThat(use.number("amount")).isEqualTo(40_000);
        assertThat(use.text("user_id")).isEqualTo(Long.toString(user.id()));
        assertThat(use.correlationId()).startsWith("order.checkout:");
        participants.reply(use, PointTopics.USED, new PointsUsed(orderId, user.id(), 40_000, 10_000, 1));

        JsonNode done = awaitStatus(user, orderId, "COMPLETED");
        assertThat(done.path("saga_status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("current_step").isNull()).isTrue();
        assertThat(done.path("failure_code").isNull()).isTrue();
        assertThat(done.path("charge").isNull()).isTrue();
        assertThat(done.path("completed_at").isNull()).isFalse();
        assertThat(stockOf(tee.option(0))).isEqualTo(8);
        assertThat(awaitEvent(orderId, OrderTopics.CREATED).path("total_amount").asLong())
                .isEqualTo(40_000);
        JsonNode completed = awaitEvent(orderId, OrderTopics.COMPLETED);
        assertThat(completed.path("final_amount").asLong()).isEqualTo(40_000);
        assertThat(completed.path("charged_points").asLong()).isZero();
    }

    @Test
    void aCartOrderWithCouponAndChargeCompletesKeepsItsSnapshotAndLeavesOnlyUnorderedLinesInTheCart() {
        OptionSpec l = OptionSpec.of("L", 2_000, 5);
        Created hoodie = createProduct("Hoodie", 30_000, l, OptionSpec.of("XL", 3_000, 5));
        Created socks = createProduct("Socks", 5_000, OptionSpec.of("Free", 0, 5));
        User user = newUser();
        addToCart(user, hoodie.option(0), 1);
        addToCart(user, hoodie.option(1), 2);

        long orderId = placed(user, """
                {"from_cart": true, "user_coupon_id": "555", "charge": {"amount": 20000, "payment_key": "pk_approve_1"}}""");
        // after the order: a new cart line (not ordered), and a price change the order must not see
        addToCart(user, socks.option(0), 1);
        assertThat(put("/v1/admin/products/" + hoodie.productId(), adminToken(), """
                {"product_name": "Hoodie v2", "base_price": 99000, "is_active": true}""")
                        .statusCode())
                .isEqualTo(200);

        Command reserve = participants.await(CouponTopics.RESERVE, orderId);
        assertThat(reserve.key()).as("keyed by the user coupon").isEqualTo("555");
        assertThat(reserve.number("order_amount")).isEqualTo(98_000);
        participants.reply(reserve, CouponTopics.RESERVED, new CouponReserved(orderId, 555, 5, 98_000, 5_000));

        Command confirm = participants.await(PaymentTopics.CONFIRM, orderId);
        assertThat(confirm.key()).isEqualTo("pk_approve_1");
        assertThat(confirm.text("purpose")).isEqualTo("ORDER_CHARGE");
        assertThat(confirm.number("amount")).isEqualTo(20_000);
        participants.reply(
                confirm,
                PaymentTopics.APPROVED,
                new PaymentApproved(
                        777, "pk_approve_1", PaymentPurpose.ORDER_CHARGE, orderId, user.id(), 20_000, Instant.now()));

        Command charge = participants.await(PointTopics.CHARGE, orderId);
        assertThat(charge.text("payment_id")).isEqualTo("777");
        participants.reply(charge, PointTopics.CHARGED, new PointsCharged(orderId, user.id(), 20_000, 20_000, 2));

        Command use = participants.await(PointTopics.USE, orderId);
        assertThat(use.number("amount")).isEqualTo(93_000);
        participants.reply(use, PointTopics.USED, new PointsUsed(orderId, user.id(), 93_000, 0, 3));

        Command confirmCoupon = participants.await(CouponTopics.CONFIRM, orderId);
        participants.reply(
                confirmCoupon, CouponTopics.USE_CONFIRMED, new CouponUseConfirmed(orderId, 555, 5_000, Instant.now()));

        JsonNode done = awaitStatus(user, orderId, "COMPLETED");
        assertThat(done.path("total_amount").asLong()).isEqualTo(98_000);
        assertThat(done.path("discount_amount").asLong()).isEqualTo(5_000);
        assertThat(done.path("final_amount").asLong()).isEqualTo(93_000);
        assertThat(done.path("user_coupon_id").asString()).isEqualTo("555");
        assertThat(done.path("charge").path("amount").asLong()).isEqualTo(20_000);
        assertThat(done.path("charge").path("points_charged").asBoolean()).isTrue();
        assertThat(done.path("charge").path("payment_id").asString()).isEqualTo("777");
        assertThat(done.path("items")).hasSize(2);
        JsonNode large = item(done, hoodie.option(0));
        assertThat(large.path("product_name").asString())
                .as("as ordered, not as renamed")
                .isEqualTo("Hoodie");
        assertThat(large.path("option_name").asString()).isEqualTo("L");
        assertThat(large.path("sku").asString()).isEqualTo(l.sku());
        assertThat(large.path("price").asLong())
                .as("as ordered, not the new price")
                .isEqualTo(32_000);
        assertThat(large.path("quantity").asInt()).isEqualTo(1);
        assertThat(large.path("subtotal").asLong()).isEqualTo(32_000);
        JsonNode extraLarge = item(done, hoodie.option(1));
        assertThat(extraLarge.path("price").asLong()).isEqualTo(33_000);
        assertThat(extraLarge.path("subtotal").asLong()).isEqualTo(66_000);

        JsonNode cart = json(get("/v1/cart", user.token()));
        assertThat(cart.path("items"))
                .singleElement()
                .satisfies(line -> assertThat(line.path("product_option_id").asString())
                        .isEqualTo(Long.toString(socks.option(0))));
        JsonNode completed = awaitEvent(orderId, OrderTopics.COMPLETED);
        assertThat(completed.path("charged_points").asLong()).isEqualTo(20_000);
        assertThat(completed.path("payment_id").asString()).isEqualTo("777");
        assertThat(completed.path("discount_amount").asLong()).isEqualTo(5_000);
        assertThat(stockOf(hoodie.option(0))).isEqualTo(4);
        assertThat(stockOf(hoodie.option(1))).isEqualTo(3);
    }

    @Test
    void theSameIdempotencyKeyPlacesOneOrder() {
        Created cap = createProduct("Cap", 9_000, OptionSpec.of("Free", 0, 10));
        User user = newUser();
        String body = items(cap.option(0), 1);

        HttpResponse<String> first = placeOrder(user.token(), body, "same-key-" + user.id());
        HttpResponse<String> again = placeOrder(user.token(), body, "same-key-" + user.id());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(again).path("id").asString())
                .isEqualTo(json(first).path("id").asString());
        assertThat(ordersOf(user.id())).isEqualTo(1);
        assertThat(stockOf(cap.option(0))).isEqualTo(9);
    }

    private static JsonNode item(JsonNode order, long optionId) {
        for (JsonNode item : order.path("items")) {
            if (item.path("product_option_id").asString().equals(Long.toString(optionId))) {
                return item;
            }
        }
        throw new AssertionError("no item of option " + optionId + " in " + order);
    }

    private void addToCart(User user, long optionId, int quantity) {
        HttpResponse<String> added = post(
                "/v1/cart/items",
                user.token(),
                "{\"product_option_id\": \"" + optionId + "\", \"quantity\": " + quantity + "}");
        assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
    }
}
