package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponRejectionReason;
import com.creatorcommerce.contracts.coupon.CouponReservationRejected;
import com.creatorcommerce.contracts.coupon.CouponReservationReleased;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointRejectionReason;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.order.support.OrderTestBase;
import com.creatorcommerce.order.support.Participants.Command;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Failed orders end CANCELLED with their reason, and what ran is undone as required: stock released, coupon
 * released, the payment cancelled unless its points were credited (bought points stay in the wallet).
 */
class OrderCompensationIT extends OrderTestBase {

    private static final String WITH_COUPON_AND_CHARGE = """
            {"items": [{"product_option_id": "%d", "quantity": 2}], "user_coupon_id": "%d",
             "charge": {"amount": 10000, "payment_key": "%s"}}""";

    @Test
    void insufficientPointsCancelReleasingCouponAndStockWhileTheBoughtPointsStayAndThePaymentIsNotCancelled() {
        Created shoes = createProduct("Shoes", 50_000, OptionSpec.of("270", 0, 5));
        User user = newUser();
        long orderId = placed(user, WITH_COUPON_AND_CHARGE.formatted(shoes.option(0), 701, "pk_approve_ip"));
        assertThat(stockOf(shoes.option(0))).isEqualTo(3);

        reserveCoupon(orderId, 701, 10_000);
        approvePayment(user, orderId, "pk_approve_ip");
        Command charge = participants.await(PointTopics.CHARGE, orderId);
        participants.reply(charge, PointTopics.CHARGED, new PointsCharged(orderId, user.id(), 10_000, 15_000, 1));
        Command use = participants.await(PointTopics.USE, orderId);
        assertThat(use.number("amount")).isEqualTo(90_000);
        participants.reply(
                use,
                PointTopics.USE_REJECTED,
                new PointsUseRejected(
                        orderId, user.id(), 90_000, 15_000, PointRejectionReason.INSUFFICIENT_POINTS, "short"));

        Command release = participants.await(CouponTopics.RELEASE, orderId);
        assertThat(release.key()).isEqualTo("701");
        participants.reply(
                release, CouponTopics.RESERVATION_RELEASED, new CouponReservationReleased(orderId, 701, true));

        JsonNode cancelled = awaitStatus(user, orderId, "CANCELLED");
        assertThat(cancelled.path("failure_code").asString()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(cancelled.path("failure_reason").asString())
                .as("point-service's own words follow the code's text")
                .isEqualTo("Not enough points to pay for the order. (short)");
        assertThat(cancelled.path("charge").path("points_charged").asBoolean())
                .as("the bought points stay")
                .isTrue();
        assertThat(cancelled.path("saga_status").asString()).isEqualTo("COMPENSATED");
        assertThat(stockOf(shoes.option(0))).isEqualTo(5);
        assertThat(participants.received(PaymentTopics.CANCEL, orderId))
                .as("no cancel of a kept purchase")
                .isEmpty();
        assertThat(stepLog(checkoutSagaOf(orderId)))
                .contains("COMPENSATION_SKIPPED confirm-payment")
                .doesNotContain("COMPENSATION_SENT confirm-payment");
        JsonNode event = awaitEvent(orderId, OrderTopics.CANCELLED);
        assertThat(event.path("reason_code").asString()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(event.path("charged_points").asLong()).isEqualTo(10_000);
        assertThat(event.path("after_completion").asBoolean()).isFalse();
    }

    @Test
    void aDeclinedPaymentCancelsWithTheCouponReleasedAndNoPointsCharged() {
        Created bag = createProduct("Bag", 45_000, OptionSpec.of("Black", 0, 4));
        User user = newUser();
        long orderId = placed(user, WITH_COUPON_AND_CHARGE.formatted(bag.option(0), 702, "pk_decline_1"));

        reserveCoupon(orderId, 702, 0);
        Command confirm = participants.await(PaymentTopics.CONFIRM, orderId);
        participants.reply(
                confirm,
                PaymentTopics.FAILED,
                new PaymentFailed(
                        null,
                        "pk_decline_1",
                        PaymentPurpose.ORDER_CHARGE,
                        orderId,
                        user.id(),
                        10_000,
                        "REJECT_CARD_PAYMENT",
                        "declined",
                        Instant.now()));
        Command release = participants.await(CouponTopics.RELEASE, orderId);
        participants.reply(
                release, CouponTopics.RESERVATION_RELEASED, new CouponReservationReleased(orderId, 702, true));

        JsonNode cancelled = awaitStatus(user, orderId, "CANCELLED");
        assertThat(cancelled.path("failure_code").asString()).isEqualTo("PAYMENT_DECLINED");
        assertThat(cancelled.path("charge").path("points_charged").asBoolean()).isFalse();
        assertThat(stockOf(bag.option(0))).isEqualTo(4);
        assertThat(participants.received(PointTopics.CHARGE, orderId)).isEmpty();
        assertThat(participants.received(PaymentTopics.CANCEL, orderId))
                .as("a declined payment took nothing")
                .isEmpty();
    }

    @Test
    void pointsThatCouldNotBeCreditedCancelTheirPayment() {
        Created belt = createProduct("Belt", 20_000, OptionSpec.of("90", 0, 4));
        User user = newUser();
        long orderId = placed(user, """
                {"items": [{"product_option_id": "%d", "quantity": 1}],
                 "charge": {"amount": 10000, "payment_key": "pk_approve_cr"}}""".formatted(belt.option(0)));

        approvePayment(user, orderId, "pk_approve_cr");
        Command charge = participants.await(PointTopics.CHARGE, orderId);
        participants.reply(
                charge,
                PointTopics.CHARGE_REJECTED,
                new PointsChargeRejected(orderId, user.id(), 10_000, PointRejectionReason.CONFLICTING_COMMAND, "no"));
        Command cancel = participants.await(PaymentTopics.CANCEL, orderId);
        assertThat(cancel.key()).isEqualTo("pk_approve_cr");
        assertThat(cancel.text("cancel_request_id")).isEqualTo("order-" + orderId + "-failed");
        assertThat(cancel.payload().path("cancel_amount").isNull())
                .as("everything")
                .isTrue();
        participants.reply(
                cancel,
                PaymentTopics.CANCELLED,
                new PaymentCancelled(
                        888,
                        "pk_approve_cr",
                        PaymentPurpose.ORDER_CHARGE,
                        orderId,
                        user.id(),
                        cancel.text("cancel_request_id"),
                        10_000,
                        0,
                        Instant.now()));

        JsonNode cancelled = awaitStatus(user, orderId, "CANCELLED");
        assertThat(cancelled.path("failure_code").asString()).isEqualTo("POINT_CHARGE_REJECTED");
        assertThat(cancelled.path("charge").path("points_charged").asBoolean()).isFalse();
        assertThat(stockOf(belt.option(0))).isEqualTo(4);
    }

    @Test
    void aLineShortOfStockCancelsTheWholeOrderInTheSameRequestTakingNothing() {
        Created jeans = createProduct("Jeans", 60_000, OptionSpec.of("30", 0, 5), OptionSpec.of("32", 0, 3));
        User user = newUser();

        HttpResponse<String> response = placeOrder(user, """
                {"items": [{"product_option_id": "%d", "quantity": 2}, {"product_option_id": "%d", "quantity": 4}],
                 "user_coupon_id": "703", "charge": {"amount": 10000, "payment_key": "pk_approve_os"}}""".formatted(jeans.option(0), jeans.option(1)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode order = json(response);
        long orderId = Long.parseLong(order.path("id").asString());
        assertThat(order.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(order.path("failure_code").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(order.path("saga_status").asString()).isEqualTo("COMPENSATED");
        assertThat(stockOf(jeans.option(0))).as("all or nothing").isEqualTo(5);
        assertThat(stockOf(jeans.option(1))).isEqualTo(3);
        assertThat(stepLog(checkoutSagaOf(orderId))).noneMatch(line -> line.startsWith("COMMAND_SENT"));
        assertThat(awaitEvent(orderId, OrderTopics.CANCELLED)
                        .path("reason_code")
                        .asString())
                .isEqualTo("OUT_OF_STOCK");
        assertThat(eventsOf(orderId, OrderTopics.CREATED)).hasSize(1);
    }

    @Test
    void aRejectedCouponCancelsTheOrderReleasingOnlyTheStock() {
        Created watch = createProduct("Watch", 120_000, OptionSpec.of("Silver", 0, 2));
        User user = newUser();
        long orderId = placed(user, WITH_COUPON_AND_CHARGE.formatted(watch.option(0), 704, "pk_approve_cp"));
        assertThat(stockOf(watch.option(0))).isZero();

        Command reserve = participants.await(CouponTopics.RESERVE, orderId);
        participants.reply(
                reserve,
                CouponTopics.RESERVATION_REJECTED,
                new CouponReservationRejected(
                        orderId, 704, CouponRejectionReason.NOT_OWNER, "The coupon belongs to another user."));

        JsonNode cancelled = awaitStatus(user, orderId, "CANCELLED");
        assertThat(cancelled.path("failure_code").asString()).isEqualTo("COUPON_NOT_APPLICABLE");
        assertThat(stockOf(watch.option(0))).isEqualTo(2);
        assertThat(stepLog(checkoutSagaOf(orderId))).noneMatch(line -> line.startsWith("COMPENSATION_SENT"));
        assertThat(participants.received(PaymentTopics.CONFIRM, orderId)).isEmpty();
    }

    private void reserveCoupon(long orderId, long userCouponId, long discount) {
        Command reserve = participants.await(CouponTopics.RESERVE, orderId);
        participants.reply(
                reserve,
                CouponTopics.RESERVED,
                new CouponReserved(orderId, userCouponId, 9, reserve.number("order_amount"), discount));
    }

    private void approvePayment(User user, long orderId, String paymentKey) {
        Command confirm = participants.await(PaymentTopics.CONFIRM, orderId);
        participants.reply(
                confirm,
                PaymentTopics.APPROVED,
                new PaymentApproved(
                        999,
                        paymentKey,
                        PaymentPurpose.ORDER_CHARGE,
                        orderId,
                        user.id(),
                        confirm.number("amount"),
                        Instant.now()));
    }
}
