package com.creatorcommerce.coupon;

import static com.creatorcommerce.coupon.support.CouponFixture.aFixedCoupon;
import static com.creatorcommerce.coupon.support.CouponFixture.aPercentageCoupon;
import static com.creatorcommerce.coupon.support.CouponFixture.newUserId;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.ConfirmCouponCommand;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.coupon.ReserveCouponCommand;
import com.creatorcommerce.coupon.application.IssueCouponService;
import com.creatorcommerce.coupon.support.CouponIntegrationTest;
import com.creatorcommerce.platform.messaging.Envelopes;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Reserve / confirm / release sent as commands through the real broker; replies and events read back from it. */
class CouponCommandsIT extends CouponIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static TopicRecorder recorder;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    IssueCouponService issuing;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate tx;

    @BeforeAll
    static void record() {
        recorder = TopicRecorder.of(CouponTopics.REPLIES, CouponTopics.EVENTS, CouponTopics.COMMANDS + ".DLT");
    }

    @AfterAll
    static void stop() {
        recorder.close();
    }

    private static long newOrderId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1L << 53);
    }

    /** Sends a command as an orchestrator would (CloudEvents headers, key = the user coupon); returns its ce_id. */
    private String send(String type, long userCouponId, Object command, String messageId) throws Exception {
        kafka.send(Envelopes.record(
                        CouponTopics.COMMANDS,
                        Long.toString(userCouponId),
                        type,
                        json.writeValueAsString(command),
                        messageId,
                        "/test",
                        "saga-" + messageId,
                        null))
                .get();
        return messageId;
    }

    private String send(String type, long userCouponId, Object command) throws Exception {
        return send(type, userCouponId, command, UUID.randomUUID().toString());
    }

    /** Waits for the {@code n}-th reply of this type to this order and returns all of them. */
    private List<ConsumerRecord<String, String>> replies(long orderId, String type, int n) {
        return recorder.await(
                r -> r.topic().equals(CouponTopics.REPLIES)
                        && r.key().equals(Long.toString(orderId))
                        && type.equals(TopicRecorder.header(r, MessageHeaders.TYPE)),
                n,
                TIMEOUT);
    }

    private JsonNode reply(long orderId, String type) {
        return json.readTree(replies(orderId, type, 1).getFirst().value());
    }

    private List<ConsumerRecord<String, String>> repliesTo(long orderId) {
        return recorder.records(
                r -> r.topic().equals(CouponTopics.REPLIES) && r.key().equals(Long.toString(orderId)));
    }

    private long issue(long couponId, long userId) {
        return issuing.issue(userId, couponId).userCouponId();
    }

    private Map<String, Object> userCoupon(long userCouponId) {
        return jdbc.queryForMap(
                "SELECT order_id, is_used, used_at FROM user_coupons WHERE user_coupon_id = ?", userCouponId);
    }

    private List<Map<String, Object>> history(long userCouponId) {
        return jdbc.queryForList(
                "SELECT order_id, status, discount_amount FROM coupon_usage_history "
                        + "WHERE user_coupon_id = ? ORDER BY usage_id",
                userCouponId);
    }

    @Test
    void reservesConfirmsAndReleasesACouponForAnOrder() throws Exception {
        long coupon = aFixedCoupon(5000).withMinOrderAmount(10000).insert(jdbc);
        long user = newUserId();
        long uc = issue(coupon, user);
        long order = newOrderId();

        String reserveId = send(CouponTopics.RESERVE, uc, new ReserveCouponCommand(order, user, uc, 30000));
        ConsumerRecord<String, String> reservedRecord =
                replies(order, CouponTopics.RESERVED, 1).getFirst();
        JsonNode reserved = json.readTree(reservedRecord.value());
        assertThat(reserved.get("order_id").asString()).isEqualTo(Long.toString(order));
        assertThat(reserved.get("user_coupon_id").asString()).isEqualTo(Long.toString(uc));
        assertThat(reserved.get("coupon_id").asString()).isEqualTo(Long.toString(coupon));
        assertThat(reserved.get("discount_amount").asLong()).isEqualTo(5000);
        assertThat(TopicRecorder.header(reservedRecord, MessageHeaders.CORRELATION_ID))
                .as("the saga id travels back")
                .isEqualTo("saga-" + reserveId);
        assertThat(TopicRecorder.header(reservedRecord, MessageHeaders.CAUSATION_ID))
                .isEqualTo(reserveId);
        assertThat(userCoupon(uc)).containsEntry("order_id", order).containsEntry("is_used", false);
        assertThat(history(uc))
                .containsExactly(Map.of("order_id", order, "status", "RESERVED", "discount_amount", 5000L));

        send(CouponTopics.CONFIRM, uc, new ConfirmCouponCommand(order, user, uc));
        JsonNode confirmed = reply(order, CouponTopics.USE_CONFIRMED);
        assertThat(confirmed.get("discount_amount").asLong()).isEqualTo(5000);
        assertThat(userCoupon(uc)).containsEntry("order_id", order).containsEntry("is_used", true);
        assertThat(history(uc)).extracting(m -> m.get("status")).containsExactly("USED");
        JsonNode used = json.readTree(recorder.await(
                        r -> r.topic().equals(CouponTopics.EVENTS)
                                && r.key().equals(Long.toString(uc))
                                && CouponTopics.USED.equals(TopicRecorder.header(r, MessageHeaders.TYPE)),
                        1,
                        TIMEOUT)
                .getFirst()
                .value());
        assertThat(used.get("order_id").asString()).isEqualTo(Long.toString(order));
        assertThat(used.get("discount_amount").asLong()).isEqualTo(5000);

        send(CouponTopics.RELEASE, uc, new ReleaseCouponCommand(order, user, uc, "ORDER_CANCELLED"));
        JsonNode released = reply(order, CouponTopics.RESERVATION_RELEASED);
        assertThat(released.get("released").asBoolean()).isTrue();
        assertThat(userCoupon(uc))
                .containsEntry("order_id", null)
                .containsEntry("is_used", false)
                .containsEntry("used_at", null);
        assertThat(history(uc)).extracting(m -> m.get("status")).containsExactly("CANCELLED");
        JsonNode releasedEvent = json.readTree(recorder.await(
                        r -> r.topic().equals(CouponTopics.EVENTS)
                                && r.key().equals(Long.toString(uc))
                                && CouponTopics.RELEASED.equals(TopicRecorder.header(r, MessageHeaders.TYPE)),
                        1,
                        TIMEOUT)
                .getFirst()
                .value());
        assertThat(releasedEvent.get("was_used").asBoolean()).isTrue();

        // usable again by another order
        long nextOrder = newOrderId();
        send(CouponTopics.RESERVE, uc, new ReserveCouponCommand(nextOrder, user, uc, 12000));
        assertThat(reply(nextOrder, CouponTopics.RESERVED)
                        .get("discount_amount")
                        .asLong())
                .isEqualTo(5000);
        assertThat(history(uc)).extracting(m -> m.get("status")).containsExactly("CANCELLED", "RESERVED");
    }

    @Test
    void computesTheDiscountOfEachKind() throws Exception {
        long user = newUserId();
        long percent = issue(aPercentageCoupon(10, 3000L).insert(jdbc), user);
        long fixed = issue(aFixedCoupon(5000).insert(jdbc), user);
        long uncapped = issue(aPercentageCoupon(15, null).insert(jdbc), user);
        long roundedDown = newOrderId();
        long capped = newOrderId();
        long fixedAboveOrder = newOrderId();
        long noCap = newOrderId();

        send(CouponTopics.RESERVE, percent, new ReserveCouponCommand(roundedDown, user, percent, 12345));
        assertThat(reply(roundedDown, CouponTopics.RESERVED)
                        .get("discount_amount")
                        .asLong())
                .as("10% of 12,345 rounded down")
                .isEqualTo(1234);
        send(CouponTopics.RELEASE, percent, new ReleaseCouponCommand(roundedDown, user, percent, "TEST"));
        reply(roundedDown, CouponTopics.RESERVATION_RELEASED);
        send(CouponTopics.RESERVE, percent, new ReserveCouponCommand(capped, user, percent, 50000));
        assertThat(reply(capped, CouponTopics.RESERVED).get("discount_amount").asLong())
                .as("10% of 50,000 capped at 3,000")
                .isEqualTo(3000);
        send(CouponTopics.RESERVE, fixed, new ReserveCouponCommand(fixedAboveOrder, user, fixed, 3000));
        assertThat(reply(fixedAboveOrder, CouponTopics.RESERVED)
                        .get("discount_amount")
                        .asLong())
                .as("5,000 off a 3,000 order")
                .isEqualTo(3000);
        send(CouponTopics.RESERVE, uncapped, new ReserveCouponCommand(noCap, user, uncapped, 1_000_001));
        assertThat(reply(noCap, CouponTopics.RESERVED).get("discount_amount").asLong())
                .isEqualTo(150_000);
    }

    @Test
    void refusesReservationsThatBreakTheRules() throws Exception {
        long owner = newUserId();
        long minimum = issue(aFixedCoupon(5000).withMinOrderAmount(20000).insert(jdbc), owner);
        long expiring = issue(aFixedCoupon(5000).insert(jdbc), owner);
        jdbc.update(
                "UPDATE user_coupons SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
                        + "WHERE user_coupon_id = ?",
                expiring);
        long held = issue(aFixedCoupon(5000).insert(jdbc), owner);
        long holdingOrder = newOrderId();
        send(CouponTopics.RESERVE, held, new ReserveCouponCommand(holdingOrder, owner, held, 10000));
        reply(holdingOrder, CouponTopics.RESERVED);
        long usedUp = issue(aFixedCoupon(5000).insert(jdbc), owner);
        long usingOrder = newOrderId();
        send(CouponTopics.RESERVE, usedUp, new ReserveCouponCommand(usingOrder, owner, usedUp, 10000));
        reply(usingOrder, CouponTopics.RESERVED);
        send(CouponTopics.CONFIRM, usedUp, new ConfirmCouponCommand(usingOrder, owner, usedUp));
        reply(usingOrder, CouponTopics.USE_CONFIRMED);
        var before = com.creatorcommerce.coupon.support.DbState.of(jdbc);

        Map<String, Object[]> cases = Map.of(
                "MIN_ORDER_AMOUNT_NOT_MET", new Object[] {minimum, owner, 19999L},
                "NOT_OWNER", new Object[] {minimum, newUserId(), 50000L},
                "USER_COUPON_NOT_FOUND", new Object[] {minimum + 1, owner, 50000L},
                "EXPIRED", new Object[] {expiring, owner, 50000L},
                "RESERVED_BY_ANOTHER_ORDER", new Object[] {held, owner, 50000L},
                "ALREADY_USED", new Object[] {usedUp, owner, 50000L},
                "INVALID_COMMAND", new Object[] {minimum, owner, -1L});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            long order = newOrderId();
            long uc = (long) c.getValue()[0];
            send(CouponTopics.RESERVE, uc, new ReserveCouponCommand(order, (long) c.getValue()[1], uc, (long)
                    c.getValue()[2]));
            JsonNode rejected = reply(order, CouponTopics.RESERVATION_REJECTED);
            assertThat(rejected.get("reason").asString()).as(c.getKey()).isEqualTo(c.getKey());
            assertThat(rejected.get("detail").asString()).isNotBlank();
        }

        var after = com.creatorcommerce.coupon.support.DbState.of(jdbc);
        assertThat(after.userCouponsChecksum()).isEqualTo(before.userCouponsChecksum());
        assertThat(after.usages()).isEqualTo(before.usages());
        assertThat(after.outbox()).as("only the seven replies").isEqualTo(before.outbox() + 7);
    }

    @Test
    void aDuplicatedCommandHasOneEffect() throws Exception {
        long user = newUserId();
        long uc = issue(aFixedCoupon(5000).insert(jdbc), user);
        long order = newOrderId();
        String messageId = "dup-" + UUID.randomUUID();
        ReserveCouponCommand reserve = new ReserveCouponCommand(order, user, uc, 30000);

        // the broker hands the same message over twice (a consumer crashed before committing its offset)
        send(CouponTopics.RESERVE, uc, reserve, messageId);
        send(CouponTopics.RESERVE, uc, reserve, messageId);
        // a message behind them on the same partition proves both copies were consumed
        long sentinelOrder = newOrderId();
        send(CouponTopics.RELEASE, uc, new ReleaseCouponCommand(sentinelOrder, user, uc, "SENTINEL"));
        replies(sentinelOrder, CouponTopics.RESERVATION_RELEASED, 1);

        assertThat(repliesTo(order)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_message WHERE message_id = ?", Long.class, messageId))
                .isEqualTo(1);
        assertThat(history(uc)).filteredOn(m -> m.get("order_id").equals(order)).hasSize(1);
    }

    @Test
    void theSameCommandSentAgainAnswersTheSameWithoutASecondEffect() throws Exception {
        long user = newUserId();
        long uc = issue(aFixedCoupon(5000).insert(jdbc), user);
        long order = newOrderId();

        send(CouponTopics.RESERVE, uc, new ReserveCouponCommand(order, user, uc, 30000));
        send(CouponTopics.RESERVE, uc, new ReserveCouponCommand(order, user, uc, 30000));
        List<ConsumerRecord<String, String>> reserved = replies(order, CouponTopics.RESERVED, 2);
        assertThat(reserved)
                .extracting(r -> json.readTree(r.value()).get("discount_amount").asLong())
                .containsExactly(5000L, 5000L);
        send(CouponTopics.CONFIRM, uc, new ConfirmCouponCommand(order, user, uc));
        send(CouponTopics.CONFIRM, uc, new ConfirmCouponCommand(order, user, uc));
        replies(order, CouponTopics.USE_CONFIRMED, 2);
        send(CouponTopics.RELEASE, uc, new ReleaseCouponCommand(order, user, uc, "CANCELLED"));
        send(CouponTopics.RELEASE, uc, new ReleaseCouponCommand(order, user, uc, "CANCELLED"));
        List<ConsumerRecord<String, String>> released = replies(order, CouponTopics.RESERVATION_RELEASED, 2);

        assertThat(released)
                .extracting(r -> json.readTree(r.value()).get("released").asBoolean())
                .containsExactly(true, false);
        assertThat(history(uc)).hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE topic = 'coupon.events' "
                                + "AND message_key = ? AND event_type IN ('coupon.used.v1', 'coupon.released.v1')",
                        Long.class,
                        Long.toString(uc)))
                .as("one used and one released event")
                .isEqualTo(2);
        assertThat(repliesTo(order)).hasSize(6);
    }

    @Test
    void aReleaseThatOvertakesItsReserveWins() throws Exception {
        long user = newUserId();
        long uc = issue(aFixedCoupon(5000).insert(jdbc), user);
        long order = newOrderId();

        send(CouponTopics.RELEASE, uc, new ReleaseCouponCommand(order, user, uc, "TIMED_OUT"));
        assertThat(reply(order, CouponTopics.RESERVATION_RELEASED)
                        .get("released")
                        .asBoolean())
                .isFalse();
        send(CouponTopics.RESERVE, uc, new ReserveCouponCommand(order, user, uc, 30000));

        assertThat(reply(order, CouponTopics.RESERVATION_REJECTED).get("reason").asString())
                .isEqualTo("RESERVATION_RELEASED");
        assertThat(userCoupon(uc)).containsEntry("order_id", null);
        send(CouponTopics.CONFIRM, uc, new ConfirmCouponCommand(order, user, uc));
        assertThat(reply(order, CouponTopics.CONFIRMATION_REJECTED)
                        .get("reason")
                        .asString())
                .isEqualTo("NOT_RESERVED");
    }

    @Test
    void commandsAppendedThroughAnOutboxArriveWithTheirEnvelope() {
        long user = newUserId();
        long uc = issue(aFixedCoupon(5000).insert(jdbc), user);
        long order = newOrderId();

        tx.executeWithoutResult(s -> outbox.append(OutboundMessage.of(
                        CouponTopics.COMMANDS,
                        Long.toString(uc),
                        CouponTopics.RESERVE,
                        new ReserveCouponCommand(order, user, uc, 8000))
                .withCorrelationId("saga-" + order)
                .withUserId(user)));

        ConsumerRecord<String, String> reply =
                replies(order, CouponTopics.RESERVED, 1).getFirst();
        assertThat(json.readTree(reply.value()).get("discount_amount").asLong()).isEqualTo(5000);
        assertThat(TopicRecorder.header(reply, MessageHeaders.CORRELATION_ID)).isEqualTo("saga-" + order);
        assertThat(TopicRecorder.header(reply, MessageHeaders.USER_ID)).isEqualTo(Long.toString(user));
    }

    @Test
    void anUnknownOrMalformedCommandGoesToTheDeadLetterTopic() throws Exception {
        String unknownType = send("coupon.explode.v1", 1, Map.of("order_id", "1"));
        String withoutIds = send(CouponTopics.RESERVE, 2, Map.of("order_amount", 5));

        for (String id : List.of(unknownType, withoutIds)) {
            recorder.await(
                    r -> r.topic().equals(CouponTopics.COMMANDS + ".DLT")
                            && id.equals(TopicRecorder.header(r, MessageHeaders.ID)),
                    1,
                    TIMEOUT);
        }
    }
}
