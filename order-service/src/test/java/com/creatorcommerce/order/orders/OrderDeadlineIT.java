package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponReservationReleased;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.order.support.OrderTestBase;
import com.creatorcommerce.order.support.Participants.Command;
import com.creatorcommerce.platform.test.Await;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Participants that never answer: steps are re-sent, then compensated (checkout) or given up (cancellation), and
 * operators see it in {@code /v1/admin/sagas}. Its own context, with deadlines of a second.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "order.catalog.view-purge-cron=-",
            "order.messaging.group-id=order-deadline-it-${random.uuid}",
            "order.saga.participant-deadline=PT1S",
            "order.saga.participant-attempts=2",
            "order.saga.payment-deadline=PT1S",
            "order.saga.payment-attempts=2",
            "order.saga.cancel-attempts=2",
            "platform.saga.sweep-interval=PT0.2S"
        })
class OrderDeadlineIT extends OrderTestBase {

    @Test
    void aCouponServiceThatNeverAnswersIsAskedAgainThenTheOrderIsCompensatedAsTimedOut() {
        Created kettle = createProduct("Kettle", 35_000, OptionSpec.of("Steel", 0, 4));
        User user = newUser();
        long orderId = placed(user, """
                {"items": [{"product_option_id": "%d", "quantity": 1}], "user_coupon_id": "9001"}""".formatted(kettle.option(0)));

        List<Command> reserves = participants.await(CouponTopics.RESERVE, orderId, 2);
        assertThat(reserves.get(1).payload())
                .as("the same command again")
                .isEqualTo(reserves.get(0).payload());
        Command release = participants.await(CouponTopics.RELEASE, orderId);
        assertThat(release.key()).isEqualTo("9001");
        participants.reply(
                release, CouponTopics.RESERVATION_RELEASED, new CouponReservationReleased(orderId, 9001, false));

        JsonNode cancelled = awaitStatus(user, orderId, "CANCELLED");
        assertThat(cancelled.path("failure_code").asString()).isEqualTo("TIMED_OUT");
        assertThat(stockOf(kettle.option(0))).isEqualTo(4);

        long sagaId = checkoutSagaOf(orderId);
        JsonNode saga = json(get("/v1/admin/sagas/" + sagaId, adminToken()));
        assertThat(saga.path("status").asString()).isEqualTo("COMPENSATED");
        assertThat(saga.path("reason_code").asString()).isEqualTo("DEADLINE_EXPIRED");
        assertThat(saga.path("steps"))
                .extracting(s -> s.path("event").asString())
                .contains("DEADLINE", "RETRY");
        JsonNode listed =
                json(get("/v1/admin/sagas?type=order.checkout&state=COMPENSATED&page_size=100", adminToken()));
        assertThat(listed.path("items"))
                .extracting(s -> s.path("id").asString())
                .contains(Long.toString(sagaId));

        // the reservation succeeds after all, late: its release is sent again, the order stays cancelled
        participants.reply(reserves.get(0), CouponTopics.RESERVED, new CouponReserved(orderId, 9001, 1, 35_000, 1_000));
        Await.until(
                "the release sent again",
                WAIT,
                () -> count(
                                "SELECT COUNT(*) FROM saga_step_log WHERE "
                                        + "saga_id = ? AND event = 'COMPENSATION_SENT' AND detail LIKE '%success replied after%'",
                                sagaId)
                        == 1);
        assertThat(stepLog(sagaId)).contains("LATE_REPLY_IGNORED reserve-coupon");
        assertThat(order(user, orderId).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(appended(OrderTopics.CANCELLED, orderId)).isEqualTo(1);
    }

    @Test
    void aCancellationLeftUnansweredIsParkedForOperatorsKeepsTheOrderCompletedWithTheReasonAndCanBeRequestedAgain() {
        Created vase = createProduct("Vase", 12_000, OptionSpec.of("Glass", 0, 3));
        User user = newUser();
        long orderId = placed(user, items(vase.option(0), 1));
        Command use = participants.await(PointTopics.USE, orderId);
        participants.reply(use, PointTopics.USED, new PointsUsed(orderId, user.id(), 12_000, 0, 1));
        awaitStatus(user, orderId, "COMPLETED");

        assertThat(cancel(user.token(), orderId).statusCode()).isEqualTo(202);
        participants.await(PointTopics.REFUND, orderId, 2);
        JsonNode failed = awaitStatus(user, orderId, "COMPLETED");

        assertThat(failed.path("cancel_status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failure_code").asString()).isEqualTo("TIMED_OUT");
        assertThat(failed.path("saga_type").asString()).isEqualTo("order.cancel");
        assertThat(failed.path("saga_status").asString())
                .as("parked for operators")
                .isEqualTo("FAILED");
        assertThat(failed.path("failure_reason").asString()).endsWith("(refund-points unanswered after 2 attempt(s))");
        long parked = cancelSagaOf(orderId);
        JsonNode saga = json(get("/v1/admin/sagas/" + parked, adminToken()));
        assertThat(saga.path("current_step").asString()).isEqualTo("refund-points");
        assertThat(saga.path("deadline_at").isNull() || saga.path("deadline_at").isMissingNode())
                .isTrue();
        JsonNode listed = json(get("/v1/admin/sagas?type=order.cancel&state=FAILED&page_size=100", adminToken()));
        assertThat(listed.path("items"))
                .extracting(x -> x.path("id").asString())
                .contains(Long.toString(parked));
        assertThat(stockOf(vase.option(0))).as("nothing restored yet").isEqualTo(2);
        assertThat(appended(OrderTopics.CANCELLED, orderId)).isZero();

        assertThat(cancel(user.token(), orderId).statusCode()).isEqualTo(202);
        Command again = participants.await(PointTopics.REFUND, orderId, 3).get(2);
        participants.reply(again, PointTopics.REFUNDED, new PointsRefunded(orderId, user.id(), 12_000, 12_000, 2L));
        JsonNode cancelled = awaitStatus(user, orderId, "CANCELLED");
        assertThat(cancelled.path("cancel_status").asString()).isEqualTo("DONE");
        assertThat(stockOf(vase.option(0))).isEqualTo(3);
    }
}
