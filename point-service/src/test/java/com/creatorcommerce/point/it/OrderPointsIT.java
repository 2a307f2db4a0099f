package com.creatorcommerce.point.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** point-service as an order saga participant on point.commands / point.replies. */
class OrderPointsIT extends PointIntegrationTest {

    @AfterEach
    void ledgerInvariantsHold() {
        assertLedgerInvariants();
    }

    private String command(String type, long orderId, long user, Object payload) {
        String id = "cmd-" + UUID.randomUUID();
        publish(PointTopics.COMMANDS, Long.toString(orderId), type, payload, id, user);
        return id;
    }

    private JsonNode reply(String type, long orderId, int count) {
        List<ConsumerRecord<String, String>> replies = await(PointTopics.REPLIES, type, Long.toString(orderId), count);
        return json.readTree(replies.get(count - 1).value());
    }

    private void charge(long order, long user, long amount) {
        command(PointTopics.CHARGE, order, user, new ChargePointsCommand(order, user, amount, newId()));
        reply(PointTopics.CHARGED, order, 1);
    }

    @Test
    void chargeUseAndRefundAnswerTheSagaAndMoveTheWallet() {
        long user = newId();
        long chargeOrder = newId();
        long order = newId();

        String chargeCommand = command(PointTopics.CHARGE, chargeOrder, user,
                new ChargePointsCommand(chargeOrder, user, 30_000, newId()));
        JsonNode charged = reply(PointTopics.CHARGED, chargeOrder, 1);
        assertThat(charged.get("amount").asLong()).isEqualTo(30_000);
        assertThat(charged.get("balance_after").asLong()).isEqualTo(30_000);
        ConsumerRecord<String, String> chargedRecord = await(PointTopics.REPLIES, PointTopics.CHARGED,
                Long.toString(chargeOrder), 1).getFirst();
        assertThat(TopicRecorder.header(chargedRecord, MessageHeaders.CAUSATION_ID)).isEqualTo(chargeCommand);
        assertThat(TopicRecorder.header(chargedRecord, MessageHeaders.CORRELATION_ID))
                .isEqualTo("saga-" + chargeOrder);

        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 12_000));
        JsonNode used = reply(PointTopics.USED, order, 1);
        assertThat(used.get("balance_after").asLong()).isEqualTo(18_000);
        assertThat(used.get("transaction_id").isString()).isTrue();

        command(PointTopics.REFUND, order, user, new RefundPointsCommand(order, user, "order cancelled"));
        JsonNode refunded = reply(PointTopics.REFUNDED, order, 1);
        assertThat(refunded.get("amount").asLong()).isEqualTo(12_000);
        assertThat(refunded.get("balance_after").asLong()).isEqualTo(30_000);

        assertThat(balance(user)).isEqualTo(30_000);
        assertThat(jdbc.queryForList("SELECT transaction_type FROM point_transactions WHERE user_id = ? "
                + "ORDER BY transaction_id", String.class, user)).containsExactly("CHARGE", "USE", "REFUND");
        assertThat(jdbc.queryForList("SELECT amount FROM point_transactions WHERE user_id = ? ORDER BY transaction_id",
                Long.class, user)).containsExactly(30_000L, -12_000L, 12_000L);
        await(PointTopics.EVENTS, PointTopics.BALANCE_CHANGED, Long.toString(user), 3);
    }

    @Test
    void aUseLargerThanTheBalanceIsRefusedWithItsOwnReplyAndDebitsNothing() {
        long user = newId();
        long order = newId();
        charge(newId(), user, 5_000);

        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 5_001));

        JsonNode refused = reply(PointTopics.USE_REJECTED, order, 1);
        assertThat(refused.get("reason").asString()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(refused.get("balance").asLong()).isEqualTo(5_000);
        assertThat(balance(user)).isEqualTo(5_000);
        assertThat(transactions(user)).isEqualTo(1);
        assertThat(records(PointTopics.REPLIES, Long.toString(order))).hasSize(1);
    }

    @Test
    void aUseSentAgainIsAnsweredAgainButDebitedOnce() {
        long user = newId();
        long order = newId();
        charge(newId(), user, 10_000);

        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 4_000));
        JsonNode first = reply(PointTopics.USED, order, 1);
        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 4_000));
        JsonNode second = reply(PointTopics.USED, order, 2);

        assertThat(second.get("transaction_id").asString()).isEqualTo(first.get("transaction_id").asString());
        assertThat(second.get("balance_after").asLong()).isEqualTo(6_000);
        assertThat(balance(user)).isEqualTo(6_000);
        assertThat(transactions(user)).isEqualTo(2);
    }

    @Test
    void aRedeliveredCommandHasNoSecondEffectAndNoSecondReply() {
        long user = newId();
        long order = newId();
        charge(newId(), user, 10_000);

        UsePointsCommand use = new UsePointsCommand(order, user, 1_000);
        publish(PointTopics.COMMANDS, Long.toString(order), PointTopics.USE, use, "dup-" + order, user);
        publish(PointTopics.COMMANDS, Long.toString(order), PointTopics.USE, use, "dup-" + order, user);
        // a later command of the same order (same partition): once answered, both copies were consumed
        command(PointTopics.REFUND, order, user, new RefundPointsCommand(order, user, "sentinel"));
        reply(PointTopics.REFUNDED, order, 1);

        assertThat(await(PointTopics.REPLIES, PointTopics.USED, Long.toString(order), 1)).hasSize(1);
        assertThat(records(PointTopics.REPLIES, Long.toString(order))).hasSize(2);
        assertThat(balance(user)).isEqualTo(10_000);
        assertThat(jdbc.queryForList("SELECT amount FROM point_transactions WHERE user_id = ? ORDER BY transaction_id",
                Long.class, user)).containsExactly(10_000L, -1_000L, 1_000L);
    }

    @Test
    void aRefundIsDoneOnceAndAnOrderThatUsedNothingGetsZero() {
        long user = newId();
        long order = newId();
        long orderWithoutPoints = newId();
        charge(newId(), user, 8_000);
        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 3_000));
        reply(PointTopics.USED, order, 1);

        command(PointTopics.REFUND, order, user, new RefundPointsCommand(order, user, "cancel"));
        command(PointTopics.REFUND, order, user, new RefundPointsCommand(order, user, "cancel again"));
        command(PointTopics.REFUND, orderWithoutPoints, user, new RefundPointsCommand(orderWithoutPoints, user, "x"));

        JsonNode again = reply(PointTopics.REFUNDED, order, 2);
        assertThat(again.get("amount").asLong()).isEqualTo(3_000);
        JsonNode nothing = reply(PointTopics.REFUNDED, orderWithoutPoints, 1);
        assertThat(nothing.get("amount").asLong()).isZero();
        assertThat(nothing.get("transaction_id").isNull()).isTrue();
        assertThat(nothing.get("balance_after").asLong()).isEqualTo(8_000);
        assertThat(balance(user)).isEqualTo(8_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM point_transactions WHERE user_id = ? AND "
                + "transaction_type = 'REFUND'", Integer.class, user)).isEqualTo(1);
    }

    @Test
    void invalidOrConflictingCommandsAreRefusedWithoutEffect() {
        long user = newId();
        long order = newId();
        long other = newId();
        charge(newId(), user, 9_000);

        command(PointTopics.USE, other, user, new UsePointsCommand(other, user, 0));
        JsonNode invalid = reply(PointTopics.USE_REJECTED, other, 1);
        assertThat(invalid.get("reason").asString()).isEqualTo("INVALID_COMMAND");

        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 2_000));
        reply(PointTopics.USED, order, 1);
        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 2_500));
        JsonNode conflicting = reply(PointTopics.USE_REJECTED, order, 1);
        assertThat(conflicting.get("reason").asString()).isEqualTo("CONFLICTING_COMMAND");

        long chargeOrder = newId();
        command(PointTopics.CHARGE, chargeOrder, user, new ChargePointsCommand(chargeOrder, user, -1, null));
        assertThat(reply(PointTopics.CHARGE_REJECTED, chargeOrder, 1).get("reason").asString())
                .isEqualTo("INVALID_COMMAND");

        assertThat(balance(user)).isEqualTo(7_000);
        assertThat(transactions(user)).isEqualTo(2);
    }
}
