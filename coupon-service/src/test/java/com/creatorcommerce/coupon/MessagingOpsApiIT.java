package com.creatorcommerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.coupon.support.CouponIntegrationTest;
import com.creatorcommerce.coupon.support.Http.Response;
import com.creatorcommerce.platform.messaging.Envelopes;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.snowflake.Snowflake;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** The messaging repair API of a real service: ADMIN only, validated, audited (ADR 10). */
class MessagingOpsApiIT extends CouponIntegrationTest {

    private static final String ADMIN = TestJwt.admin(9001);
    private static final String USER = TestJwt.user(9002);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void onlyAnAdminSeesOrRepairsMessaging() {
        assertThat(http.get("/v1/admin/messaging/outbox/parked", USER).status()).isEqualTo(403);
        assertThat(http.get("/v1/admin/messaging/dead-letters", null).status()).isEqualTo(401);
        Response replay = http.post(
                "/v1/admin/messaging/dead-letters/coupon.commands.DLT/0/0/replay", USER, "{\"reason\":\"x\"}");
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.isProblem()).isTrue();
    }

    @Test
    void anAdminRequeuesAParkedRowWithAReasonAndItIsPublished() {
        // an id of now, as the outbox would give it (retention purges published rows by id)
        long id =
                Snowflake.firstIdAt(Instant.now()) + ThreadLocalRandom.current().nextLong(1, 1 << 22);
        jdbc.update("""
                INSERT INTO outbox_event (id, partition_no, topic, message_key, event_type, headers, payload, status,
                                          attempts, last_error, created_at)
                VALUES (?, 5, 'coupon.events', 'k', 'coupon.test.v1', ?, '{}', 'FAILED', 1, 'RecordTooLargeException',
                        NOW(6))""", id, "{\"" + MessageHeaders.ID + "\":\"" + id + "\"}");

        Response parked = http.get("/v1/admin/messaging/outbox/parked?page_size=100", ADMIN);
        assertThat(parked.status()).isEqualTo(200);
        assertThat(parked.json().get("items").valueStream().map(n -> n.get("id").asString()))
                .contains(Long.toString(id));
        assertThat(parked.json().get("page_size").asInt()).isEqualTo(100);

        assertThat(http.post("/v1/admin/messaging/outbox/" + id + "/requeue", ADMIN, "{}")
                        .code())
                .as("a reason is required")
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.post("/v1/admin/messaging/outbox/abc/requeue", ADMIN, "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(400);
        Response requeued = http.post(
                "/v1/admin/messaging/outbox/" + id + "/requeue", ADMIN, "{\"reason\":\"limit raised on the broker\"}");
        assertThat(requeued.status()).isEqualTo(200);
        assertThat(requeued.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(http.post("/v1/admin/messaging/outbox/" + id + "/requeue", ADMIN, "{\"reason\":\"again\"}")
                        .code())
                .isEqualTo("OUTBOX_ROW_NOT_PARKED");

        Await.until(
                "the requeued row is published",
                TIMEOUT,
                () -> "PUBLISHED"
                        .equals(jdbc.queryForObject("SELECT status FROM outbox_event WHERE id = ?", String.class, id)));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM messaging_ops_audit WHERE action = 'OUTBOX_REQUEUE' "
                                + "AND target = ? AND actor = '9001' AND reason = 'limit raised on the broker'",
                        Integer.class,
                        Long.toString(id)))
                .isEqualTo(1);
    }

    @Test
    void anAdminListsAndReplaysADeadLetteredCommand() throws Exception {
        String messageId = UUID.randomUUID().toString();
        String dlt = CouponTopics.COMMANDS + ".DLT";
        try (TopicRecorder recorder = TopicRecorder.of(dlt)) {
            kafka.send(Envelopes.record(
                            CouponTopics.COMMANDS,
                            "77",
                            "coupon.explode.v1",
                            json.writeValueAsString(Map.of("order_id", "1")),
                            messageId,
                            "/test",
                            "saga-x",
                            null))
                    .get();
            recorder.await(r -> messageId.equals(TopicRecorder.header(r, MessageHeaders.ID)), 1, TIMEOUT);
        }

        Response listed = http.get("/v1/admin/messaging/dead-letters?topic=" + dlt + "&limit=500", ADMIN);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("topics").valueStream().map(JsonNode::asString))
                .contains(dlt);
        JsonNode letter = listed.json()
                .get("items")
                .valueStream()
                .filter(n -> messageId.equals(n.get("message_id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(letter.get("original_topic").asString()).isEqualTo(CouponTopics.COMMANDS);
        assertThat(letter.get("replayed").asBoolean()).isFalse();
        assertThat(letter.get("error").asString()).contains("coupon.explode.v1");

        assertThat(http.get("/v1/admin/messaging/dead-letters?topic=other.DLT", ADMIN)
                        .code())
                .isEqualTo("DEAD_LETTER_TOPIC_NOT_FOUND");
        String path = "/v1/admin/messaging/dead-letters/" + dlt + "/"
                + letter.get("partition").asInt() + "/" + letter.get("offset").asString() + "/replay";
        Response replayed = http.post(path, ADMIN, "{\"reason\":\"consumer upgraded\"}");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("message_id").asString()).isEqualTo(messageId);
        assertThat(http.post(
                                "/v1/admin/messaging/dead-letters/" + dlt + "/0/999999999/replay",
                                ADMIN,
                                "{\"reason\":\"x\"}")
                        .code())
                .isEqualTo("DEAD_LETTER_NOT_FOUND");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM messaging_ops_audit WHERE action = 'DLT_REPLAY' " + "AND actor = '9001'",
                        Integer.class))
                .isEqualTo(1);
    }
}
