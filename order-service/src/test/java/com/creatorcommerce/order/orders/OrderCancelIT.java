package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponReservationReleased;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.CouponUseConfirmed;
import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.order.support.OrderTestBase;
import com.creatorcommerce.order.support.Participants.Command;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The order-cancel saga, and who may see and cancel which order. */
class OrderCancelIT extends OrderTestBase {

    @Test
    void cancellingACompletedOrderRefundsItsPointsReleasesItsCouponAndRestoresItsStock() {
        Created coat = createProduct("Coat", 150_000, OptionSpec.of("M", 0, 3));
        User user = newUser();
        long orderId = completedOrder(user, coat.option(0), 901L, 15_000);
        assertThat(stockOf(coat.option(0))).isEqualTo(2);

        HttpResponse<String> response = cancel(user.token(), orderId);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode running = json(response);
        assertThat(running.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(running.path("cancel_status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(running.path("saga_type").asString()).isEqualTo("order.cancel");
        assertThat(running.path("current_step").asString()).isEqualTo("refund-points");
        assertProblem(cancel(user.token(), orderId), 409, "ORDER_CANCEL_IN_PROGRESS");

        Command refund = participants.await(PointTopics.REFUND, orderId);
        assertThat(refund.key()).isEqualTo(Long.toString(orderId));
        assertThat(refund.text("reason")).isEqualTo("ORDER_CANCELLED");
        participants.reply(refund, PointTopics.REFUNDED, new PointsRefunded(orderId, user.id(), 135_000, 135_000, 5L));
        Command release = participants.await(CouponTopics.RELEASE, orderId);
        assertThat(release.key()).isEqualTo("901");
        participants.reply(
                release, CouponTopics.RESERVATION_RELEASED, new CouponReservationReleased(orderId, 901, true));

        JsonNode cancelled = awaitStatus(user, orderId, "CANCELLED");
        assertThat(cancelled.path("cancel_status").asString()).isEqualTo("DONE");
        assertThat(cancelled.path("failure_code").asString()).isEqualTo("CANCELLED_BY_USER");
        assertThat(cancelled.path("saga_status").asString()).isEqualTo("COMPLETED");
        assertThat(cancelled.path("final_amount").asLong()).isEqualTo(135_000);
        assertThat(stockOf(coat.option(0))).isEqualTo(3);
        JsonNode event = awaitEvent(orderId, OrderTopics.CANCELLED);
        assertThat(event.path("after_completion").asBoolean()).isTrue();
        assertThat(event.path("reason_code").asString()).isEqualTo("CANCELLED_BY_USER");
        assertProblem(cancel(user.token(), orderId), 409, "ORDER_NOT_CANCELLABLE");
    }

    @Test
    void onlyACompletedOrderCanBeCancelled() {
        Created mug = createProduct("Mug", 8_000, OptionSpec.of("Blue", 0, 1));
        User user = newUser();
        long pending = placed(user, items(mug.option(0), 1));
        long outOfStock = placed(user, items(mug.option(0), 1));

        assertProblem(cancel(user.token(), pending), 409, "ORDER_NOT_CANCELLABLE");
        assertThat(order(user, outOfStock).path("status").asString()).isEqualTo("CANCELLED");
        assertProblem(cancel(user.token(), outOfStock), 409, "ORDER_NOT_CANCELLABLE");
        assertThat(order(user, pending).path("cancel_status").isNull()).isTrue();
    }

    @Test
    void anotherUsersOrderIsInvisibleButAnAdminMayReadAndCancelIt() {
        Created pen = createProduct("Pen", 3_000, OptionSpec.of("Red", 0, 5));
        User owner = newUser();
        User stranger = newUser();
        long orderId = completedOrder(owner, pen.option(0), null, 0);

        assertProblem(get("/v1/orders/" + orderId, stranger.token()), 404, "ORDER_NOT_FOUND");
        assertProblem(cancel(stranger.token(), orderId), 404, "ORDER_NOT_FOUND");
        assertProblem(get("/v1/orders/1", owner.token()), 404, "ORDER_NOT_FOUND");
        assertThat(json(get("/v1/orders", stranger.token())).path("total").asLong())
                .isZero();
        assertThat(order(owner, orderId).path("status").asString()).isEqualTo("COMPLETED");

        String admin = adminToken();
        assertThat(get("/v1/orders/" + orderId, admin).statusCode()).isEqualTo(200);
        assertThat(cancel(admin, orderId).statusCode()).isEqualTo(202);
        Command refund = participants.await(PointTopics.REFUND, orderId);
        participants.reply(refund, PointTopics.REFUNDED, new PointsRefunded(orderId, owner.id(), 3_000, 3_000, 6L));
        JsonNode cancelled = awaitStatus(owner, orderId, "CANCELLED");
        assertThat(cancelled.path("failure_code").asString()).isEqualTo("CANCELLED_BY_ADMIN");
        assertThat(stockOf(pen.option(0))).isEqualTo(5);
    }

    @Test
    void aUserListsOwnOrdersNewestFirstInPages() {
        Created clip = createProduct("Clip", 1_000, OptionSpec.of("Steel", 0, 10));
        User user = newUser();
        long first = placed(user, items(clip.option(0), 1));
        long second = placed(user, items(clip.option(0), 2));
        long third = placed(user, items(clip.option(0), 3));
        placed(newUser(), items(clip.option(0), 1));

        JsonNode page1 = json(get("/v1/orders?page=1&page_size=2", user.token()));
        JsonNode page2 = json(get("/v1/orders?page=2&page_size=2", user.token()));

        assertThat(page1.path("total").asLong()).isEqualTo(3);
        assertThat(page1.path("has_more").asBoolean()).isTrue();
        assertThat(page1.path("page_size").asInt()).isEqualTo(2);
        assertThat(page1.path("items"))
                .extracting(o -> o.path("id").asString())
                .containsExactly(Long.toString(third), Long.toString(second));
        assertThat(page1.path("items")
                        .get(0)
                        .path("items")
                        .get(0)
                        .path("quantity")
                        .asInt())
                .isEqualTo(3);
        assertThat(page2.path("items")).extracting(o -> o.path("id").asString()).containsExactly(Long.toString(first));
        assertThat(page2.path("has_more").asBoolean()).isFalse();
    }

    /** An order of one unit, completed: coupon reserved and confirmed when given, its final amount used. */
    private long completedOrder(User user, long optionId, Long userCouponId, long discount) {
        String coupon = userCouponId == null ? "" : ", \"user_coupon_id\": \"" + userCouponId + "\"";
        long orderId = placed(
                user, "{\"items\": [{\"product_option_id\": \"" + optionId + "\", \"quantity\": 1}]" + coupon + "}");
        if (userCouponId != null) {
            Command reserve = participants.await(CouponTopics.RESERVE, orderId);
            participants.reply(
                    reserve,
                    CouponTopics.RESERVED,
                    new CouponReserved(orderId, userCouponId, 9, reserve.number("order_amount"), discount));
        }
        Command use = participants.await(PointTopics.USE, orderId);
        participants.reply(use, PointTopics.USED, new PointsUsed(orderId, user.id(), use.number("amount"), 0, 1));
        if (userCouponId != null) {
            Command confirm = participants.await(CouponTopics.CONFIRM, orderId);
            participants.reply(
                    confirm,
                    CouponTopics.USE_CONFIRMED,
                    new CouponUseConfirmed(orderId, userCouponId, discount, Instant.now()));
        }
        awaitStatus(user, orderId, "COMPLETED");
        return orderId;
    }
}
