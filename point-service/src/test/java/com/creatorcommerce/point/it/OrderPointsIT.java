package com.creatorcommerce.point.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TopicRecorder;
import com.creatorcommerce.point.application.OrderPointsService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** point-service as an order saga participant on point.commands / point.replies. */
class OrderPointsIT extends PointIntegrationTest {

    @Autowired
    OrderPointsService points;

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

        String chargeCommand = command(
                PointTopics.CHARGE, chargeOrder, user, new ChargePointsCommand(chargeOrder, user, 30_000, newId()));
        JsonNode charged = reply(PointTopics.CHARGED, chargeOrder, 1);
        assertThat(charged.get("amount").asLong()).isEqualTo(30_000);
        assertThat(charged.get("balance_after").asLong()).isEqualTo(30_000);
        ConsumerRecord<String, String> chargedRecord = await(
                        PointTopics.REPLIES, PointTopics.CHARGED, Long.toString(chargeOrder), 1)
                .getFirst();
        assertThat(TopicRecorder.header(chargedRecord, MessageHeaders.CAUSATION_ID))
                .isEqualTo(chargeCommand);
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
        assertThat(jdbc.queryForList(
                        "SELECT transaction_type FROM point_transactions WHERE user_id = ? "
                                + "ORDER BY transaction_id",
                        String.class,
                        user))
                .containsExactly("CHARGE", "USE", "REFUND");
        assertThat(jdbc.queryForList(
                        "SELECT amount FROM point_transactions WHERE user_id = ? ORDER BY transaction_id",
                        Long.class,
                        user))
                .containsExactly(30_000L, -12_000L, 12_000L);
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
    void walletOperationsAndRefusalsAreCountedOnTheManagementPortsPrometheusPage() {
        Map<String, Double> before = walletMeters();
        long user = newId();
        long order = newId();
        long tooMuch = newId();
        long invalid = newId();

        charge(newId(), user, 5_000);
        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 2_000));
        reply(PointTopics.USED, order, 1);
        command(PointTopics.REFUND, order, user, new RefundPointsCommand(order, user, "order cancelled"));
        reply(PointTopics.REFUNDED, order, 1);
        command(PointTopics.USE, tooMuch, user, new UsePointsCommand(tooMuch, user, 1_000_000));
        reply(PointTopics.USE_REJECTED, tooMuch, 1);
        command(PointTopics.CHARGE, invalid, user, new ChargePointsCommand(invalid, user, -1, newId()));
        reply(PointTopics.CHARGE_REJECTED, invalid, 1);

        // other tests' late commands may add to them: at least ours are counted, each under its own tag
        Await.until("the wallet meters counted", TIMEOUT, () -> {
            Map<String, Double> after = walletMeters();
            return List.of(
                            "operations type=charge",
                            "operations type=use",
                            "operations type=refund",
                            "refusals reason=insufficient_points",
                            "refusals reason=invalid_command")
                    .stream()
                    .allMatch(series -> after.getOrDefault(series, 0.0) >= before.getOrDefault(series, 0.0) + 1);
        });
        assertThat(walletMeters())
                .as("every tag value is there from the start")
                .containsKeys("refusals reason=conflicting_command");
    }

    /** {@code point_wallet_operations_total} and {@code point_wallet_refusals_total} as "operations type=use". */
    private Map<String, Double> walletMeters() {
        Pattern series = Pattern.compile(
                "^point_wallet_(operations|refusals)_total\\{.*(type|reason)=\"([a-z_]+)\".*\\} (\\S+)$");
        Map<String, Double> values = new HashMap<>();
        prometheus()
                .lines()
                .map(series::matcher)
                .filter(Matcher::matches)
                .forEach(m -> values.merge(
                        m.group(1) + " " + m.group(2) + "=" + m.group(3), Double.parseDouble(m.group(4)), Double::sum));
        return values;
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

        assertThat(second.get("transaction_id").asString())
                .isEqualTo(first.get("transaction_id").asString());
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

        assertThat(await(PointTopics.REPLIES, PointTopics.USED, Long.toString(order), 1))
                .hasSize(1);
        assertThat(records(PointTopics.REPLIES, Long.toString(order))).hasSize(2);
        assertThat(balance(user)).isEqualTo(10_000);
        assertThat(jdbc.queryForList(
                        "SELECT amount FROM point_transactions WHERE user_id = ? ORDER BY transaction_id",
                        Long.class,
                        user))
                .containsExactly(10_000L, -1_000L, 1_000L);
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
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM point_transactions WHERE user_id = ? AND "
                                + "transaction_type = 'REFUND'",
                        Integer.class,
                        user))
                .isEqualTo(1);
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
        assertThat(reply(PointTopics.CHARGE_REJECTED, chargeOrder, 1)
                        .get("reason")
                        .asString())
                .isEqualTo("INVALID_COMMAND");

        assertThat(balance(user)).isEqualTo(7_000);
        assertThat(transactions(user)).isEqualTo(2);
    }

    /** The replies of the order in the order they were published (one key, one partition). */
    private List<ConsumerRecord<String, String>> replies(long orderId, int count) {
        return RECORDER.await(
                r -> r.topic().equals(PointTopics.REPLIES)
                        && Long.toString(orderId).equals(r.key()),
                count,
                TIMEOUT);
    }

    private int rowsOfOrder(long orderId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM point_transactions WHERE reference_type = 'ORDER' " + "AND reference_id = ?",
                Integer.class,
                orderId);
    }

    @Test
    void aRefundBeforeItsUseClosesTheOrderAndTheLateUseIsRefusedWithoutADebit() {
        long user = newId();
        long order = newId();
        charge(newId(), user, 10_000);

        // the order's compensation overtakes its USE: nothing to give back yet
        command(PointTopics.REFUND, order, user, new RefundPointsCommand(order, user, "order cancelled"));
        JsonNode refunded = reply(PointTopics.REFUNDED, order, 1);
        assertThat(refunded.get("amount").asLong()).isZero();
        assertThat(refunded.get("transaction_id").isNull()).isTrue();
        assertThat(refunded.get("balance_after").asLong()).isEqualTo(10_000);

        // the late USE: refused with the USE refusal reply, nothing debited
        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 4_000));
        ConsumerRecord<String, String> answer = replies(order, 2).get(1);
        assertThat(TopicRecorder.header(answer, MessageHeaders.TYPE))
                .as("the answer to the late USE")
                .isEqualTo(PointTopics.USE_REJECTED);
        JsonNode refused = json.readTree(answer.value());
        assertThat(refused.get("reason").asString()).isEqualTo("CONFLICTING_COMMAND");
        assertThat(refused.get("detail").asString()).contains("refunded");
        assertThat(refused.get("amount").asLong()).isEqualTo(4_000);

        // sent again (a new message id): the same refusal, still nothing debited
        command(PointTopics.USE, order, user, new UsePointsCommand(order, user, 4_000));
        assertThat(TopicRecorder.header(replies(order, 3).get(2), MessageHeaders.TYPE))
                .isEqualTo(PointTopics.USE_REJECTED);

        assertThat(balance(user)).isEqualTo(10_000);
        assertThat(transactions(user)).isEqualTo(1);
        assertThat(rowsOfOrder(order))
                .as("no USE (and no REFUND) row of the order")
                .isZero();
        assertThat(jdbc.queryForMap("SELECT user_id, reason FROM point_order_closures WHERE order_id = ?", order))
                .containsEntry("reason", "order cancelled")
                .satisfies(row ->
                        assertThat(((Number) row.get("user_id")).longValue()).isEqualTo(user));
        assertThat(replies(order, 3))
                .extracting(r -> TopicRecorder.header(r, MessageHeaders.TYPE))
                .containsExactly(PointTopics.REFUNDED, PointTopics.USE_REJECTED, PointTopics.USE_REJECTED);
    }

    @Test
    void aRefundAfterItsUseStillGivesItBackAndARefundRepeatedBeforeAnyUseClosesOnce() {
        long user = newId();
        long used = newId();
        long closed = newId();
        charge(newId(), user, 6_000);
        command(PointTopics.USE, used, user, new UsePointsCommand(used, user, 2_000));
        reply(PointTopics.USED, used, 1);

        command(PointTopics.REFUND, used, user, new RefundPointsCommand(used, user, "cancel"));
        command(PointTopics.REFUND, closed, user, new RefundPointsCommand(closed, user, "first"));
        command(PointTopics.REFUND, closed, user, new RefundPointsCommand(closed, user, "second"));

        assertThat(reply(PointTopics.REFUNDED, used, 1).get("amount").asLong()).isEqualTo(2_000);
        assertThat(reply(PointTopics.REFUNDED, closed, 2).get("amount").asLong())
                .isZero();
        assertThat(jdbc.queryForList(
                        "SELECT reason FROM point_order_closures WHERE order_id IN (?, ?)", String.class, used, closed))
                .containsExactly("first");
        assertThat(balance(user)).isEqualTo(6_000);
    }

    /**
     * The compensation and the step racing each other (on one instance the order's key keeps them in order, across a
     * rebalance two instances can run them at once): the wallet lock decides, so every order ends either with its USE
     * given back, or with no USE at all. Called on the service directly, as two consumers would.
     */
    @Test
    void aRefundRacingItsUseNeverLeavesTheOrderDebited() throws Exception {
        int orders = 40;
        long user = newId();
        charge(newId(), user, 100_000);
        List<Long> orderIds =
                LongStream.range(0, orders).map(i -> newId()).boxed().toList();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (long order : orderIds) {
                calls.add(pool.submit(() -> {
                    start.await();
                    points.use(new UsePointsCommand(order, user, 1_000), message(PointTopics.USE, order, user));
                    return null;
                }));
                calls.add(pool.submit(() -> {
                    start.await();
                    points.refund(
                            new RefundPointsCommand(order, user, "race"), message(PointTopics.REFUND, order, user));
                    return null;
                }));
            }
            start.countDown();
            for (var call : calls) {
                call.get();
            }
        }

        int usedAndGivenBack = 0;
        int closedUnused = 0;
        for (long order : orderIds) {
            List<String> rows = jdbc.queryForList(
                    "SELECT transaction_type FROM point_transactions "
                            + "WHERE reference_type = 'ORDER' AND reference_id = ? ORDER BY transaction_id",
                    String.class,
                    order);
            assertThat(rows)
                    .as("order " + order + ": its USE given back, or no USE at all (never debited)")
                    .isIn(List.of(), List.of("USE", "REFUND"));
            boolean closed = jdbc.queryForObject(
                            "SELECT COUNT(*) FROM point_order_closures WHERE order_id = ?", Integer.class, order)
                    == 1;
            assertThat(closed)
                    .as("order " + order + " closed exactly when it used nothing")
                    .isEqualTo(rows.isEmpty());
            if (rows.isEmpty()) {
                closedUnused++;
            } else {
                usedAndGivenBack++;
            }
        }
        assertThat(usedAndGivenBack + closedUnused).isEqualTo(orders);
        assertThat(balance(user)).isEqualTo(100_000);
        assertThat(transactions(user)).isEqualTo(1 + 2 * usedAndGivenBack);
    }

    private InboundMessage message(String type, long orderId, long user) {
        return new InboundMessage(
                "race-" + UUID.randomUUID(),
                type,
                "/test",
                null,
                null,
                "saga-" + orderId,
                null,
                user,
                null,
                PointTopics.COMMANDS,
                Long.toString(orderId),
                "{}");
    }
}
