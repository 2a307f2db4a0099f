package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.CouponUseConfirmed;
import com.creatorcommerce.contracts.order.OrderTopics;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.order.support.OrderTestBase;
import com.creatorcommerce.order.support.Participants.Command;
import com.creatorcommerce.order.support.Participants.Reply;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Replies delivered twice, repeated by a participant or coming late have no second effect. */
class OrderRepliesIT extends OrderTestBase {

    @Test
    void aRedeliveredAndARepeatedReplyAfterCompletionChangeNothing() {
        Created lamp = createProduct("Lamp", 25_000, OptionSpec.of("White", 0, 5));
        User user = newUser();
        long orderId = placed(user, items(lamp.option(0), 1));
        Command use = participants.await(PointTopics.USE, orderId);
        Reply used = participants.reply(use, PointTopics.USED, new PointsUsed(orderId, user.id(), 25_000, 0, 1));
        awaitStatus(user, orderId, "COMPLETED");
        long sagaId = checkoutSagaOf(orderId);

        participants.redeliver(used);
        participants.reply(use, PointTopics.USED, new PointsUsed(orderId, user.id(), 25_000, 0, 1));

        Await.until("the repeated reply logged", WAIT, () -> stepLog(sagaId).contains("LATE_REPLY_IGNORED use-points"));
        assertThat(stepLog(sagaId))
                .filteredOn(line -> line.equals("LATE_REPLY_IGNORED use-points"))
                .hasSize(1);
        String usedId =
                new String(used.record().headers().lastHeader(MessageHeaders.ID).value(), StandardCharsets.UTF_8);
        assertThat(count(
                        "SELECT COUNT(*) FROM processed_message WHERE consumer = 'order-saga-replies' "
                                + "AND message_id = ?",
                        usedId))
                .as("handled once")
                .isEqualTo(1);
        assertThat(appended(OrderTopics.COMPLETED, orderId)).isEqualTo(1);
        assertThat(order(user, orderId).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(stockOf(lamp.option(0))).isEqualTo(4);
    }

    @Test
    void aSecondAnswerOfAStepAlreadyAnsweredIsIgnoredAndTheFirstOneCounts() {
        Created chair = createProduct("Chair", 80_000, OptionSpec.of("Oak", 0, 5));
        User user = newUser();
        long orderId = placed(user, """
                {"items": [{"product_option_id": "%d", "quantity": 1}], "user_coupon_id": "801"}""".formatted(chair.option(0)));
        Command reserve = participants.await(CouponTopics.RESERVE, orderId);
        participants.reply(reserve, CouponTopics.RESERVED, new CouponReserved(orderId, 801, 8, 80_000, 8_000));
        Command use = participants.await(PointTopics.USE, orderId);

        participants.reply(reserve, CouponTopics.RESERVED, new CouponReserved(orderId, 801, 8, 80_000, 30_000));
        Await.until(
                "the second answer logged",
                WAIT,
                () -> stepLog(checkoutSagaOf(orderId)).contains("LATE_REPLY_IGNORED reserve-coupon"));

        assertThat(use.number("amount")).isEqualTo(72_000);
        participants.reply(use, PointTopics.USED, new PointsUsed(orderId, user.id(), 72_000, 0, 1));
        Command confirm = participants.await(CouponTopics.CONFIRM, orderId);
        participants.reply(
                confirm, CouponTopics.USE_CONFIRMED, new CouponUseConfirmed(orderId, 801, 8_000, Instant.now()));
        JsonNode done = awaitStatus(user, orderId, "COMPLETED");
        assertThat(done.path("discount_amount").asLong()).isEqualTo(8_000);
        assertThat(participants.received(PointTopics.USE, orderId)).hasSize(1);
    }
}
