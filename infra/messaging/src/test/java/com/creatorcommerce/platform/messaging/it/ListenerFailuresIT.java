package com.creatorcommerce.platform.messaging.it;

import static com.creatorcommerce.platform.messaging.it.MessagingTestApplication.LOCKING;
import static com.creatorcommerce.platform.messaging.it.MessagingTestApplication.LOCKING_ATTEMPTS;
import static com.creatorcommerce.platform.messaging.it.MessagingTestApplication.POISON;
import static com.creatorcommerce.platform.messaging.it.MessagingTestApplication.POISON_CURED;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.messaging.ops.DeadLetters.DeadLetter;
import com.creatorcommerce.platform.messaging.ops.MessagingOps;
import com.creatorcommerce.platform.messaging.ops.MessagingOps.DeadLetterView;
import com.creatorcommerce.platform.messaging.outbox.OutboxRelay;
import com.creatorcommerce.platform.snowflake.Snowflake;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.TestKafka;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Listener failures under the one policy (ADR 10): a transient database failure is retried until it passes and
 * takes effect once, with nothing dead-lettered; a poison message is dead-lettered at once and an operator replays
 * it after the fix.
 */
@SpringBootTest
@RealInfrastructure
class ListenerFailuresIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    MessagingOps ops;

    @Autowired
    OutboxRelay relay;

    @Test
    void aHandlerFailingOnALockWaitTimeoutIsRetriedPastTheOldLimitAndTakesEffectOnceWhenTheLockGoes() throws Exception {
        long account = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        jdbc.update("INSERT INTO demo_account (id, balance) VALUES (?, 100)", account);
        try (TopicRecorder dlt = new TopicRecorder(TestKafka.bootstrapServers(), LOCKING + ".DLT");
                Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT balance FROM demo_account WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, account);
                lock.executeQuery().close();
            }
            int before = LOCKING_ATTEMPTS.get();
            String id = "locked-" + account;
            kafka.send(OutboxInboxIT.envelope(LOCKING, account, id, 5)).get();

            Await.until(
                    "more failed deliveries than the old dead-letter limit (5)",
                    TIMEOUT,
                    () -> LOCKING_ATTEMPTS.get() - before >= 7);
            assertThat(effects(account))
                    .as("nothing took effect while the row was locked")
                    .isZero();
            holder.rollback();

            Await.until("the message takes effect after the lock is gone", TIMEOUT, () -> effects(account) == 1);
            assertThat(jdbc.queryForObject("SELECT balance FROM demo_account WHERE id = ?", Long.class, account))
                    .as("applied exactly once")
                    .isEqualTo(105);
            assertThat(dlt.records(r -> Long.toString(account).equals(r.key())))
                    .as("nothing dead-lettered")
                    .isEmpty();
        }
    }

    @Test
    void aPoisonMessageIsDeadLetteredAtOnceAndAnOperatorReplaysItAfterTheFix() throws Exception {
        long account = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String id = "poison-replay-" + account;
        String dltTopic = POISON + ".DLT";
        POISON_CURED.set(false);
        try (TopicRecorder dlt = new TopicRecorder(TestKafka.bootstrapServers(), dltTopic)) {
            kafka.send(OutboxInboxIT.envelope(POISON, account, id, 7)).get();
            ConsumerRecord<String, String> dead = dlt.await(
                            r -> Long.toString(account).equals(r.key()), 1, TIMEOUT)
                    .getFirst();
            assertThat(ops.deadLetterTopics())
                    .as("declared DLTs")
                    .contains(dltTopic, MessagingTestApplication.EVENTS + ".DLT", LOCKING + ".DLT");

            List<DeadLetterView> listed = ops.deadLetters(dltTopic, 1000);
            DeadLetterView view = listed.stream()
                    .filter(v -> id.equals(v.letter().messageId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(view.replayed()).isFalse();
            assertThat(view.letter().originalTopic()).isEqualTo(POISON);
            assertThat(view.letter().error()).contains("cannot handle " + id);
            assertThat(view.letter().offset()).isEqualTo(dead.offset());

            POISON_CURED.set(true); // the consumer was fixed
            DeadLetter replayed = ops.replay(dltTopic, dead.partition(), dead.offset(), "42", "fixed in v2")
                    .orElseThrow();
            assertThat(replayed.messageId()).isEqualTo(id);
            Await.until("the replayed message takes effect", TIMEOUT, () -> effects(account) == 1);

            ops.replay(dltTopic, dead.partition(), dead.offset(), "42", "replayed twice by mistake")
                    .orElseThrow();
            String marker = "marker-" + account; // same key, so handled after the second replay
            kafka.send(OutboxInboxIT.envelope(POISON, account, marker, 0)).get();
            Await.until("the message after the second replay is handled", TIMEOUT, () -> effectsOf(marker) == 1);
            assertThat(ops.deadLetters(dltTopic, 1000).stream()
                            .filter(v -> id.equals(v.letter().messageId()))
                            .findFirst()
                            .orElseThrow()
                            .replayed())
                    .isTrue();
            assertThat(jdbc.queryForObject(
                            "SELECT actor FROM messaging_ops_audit WHERE target = ? LIMIT 1",
                            String.class,
                            dltTopic + "/" + dead.partition() + "/" + dead.offset()))
                    .isEqualTo("42");
            assertThat(effectsOf(id)).as("the inbox absorbs the second replay").isEqualTo(1);
        } finally {
            POISON_CURED.set(false);
        }
    }

    @Test
    void anOperatorRequeuesAParkedRowAndTheRelayPublishesIt() {
        // an id of now, as the outbox would give it (retention purges published rows by id)
        long id =
                Snowflake.firstIdAt(Instant.now()) + ThreadLocalRandom.current().nextLong(1, 1 << 22);
        String topic = "demo.requeued";
        jdbc.update("""
                INSERT INTO outbox_event (id, partition_no, topic, message_key, event_type, headers, payload, status,
                                          attempts, last_error, created_at)
                VALUES (?, 3, ?, 'k', 'demo.requeued.v1', ?, '{}', 'FAILED', 1, 'RecordTooLargeException', NOW(6))""", id, topic, "{\"" + MessageHeaders.ID + "\":\"" + id + "\"}");
        try (TopicRecorder recorder = new TopicRecorder(TestKafka.bootstrapServers(), topic)) {
            assertThat(ops.parked(0, 1000))
                    .anyMatch(p -> p.id() == id && p.lastError().contains("TooLarge"));

            assertThat(ops.requeue(id, "7", "the broker's max.message.bytes was raised"))
                    .isTrue();
            assertThat(ops.requeue(id, "7", "twice")).as("no longer parked").isFalse();

            relay.wakeUp();
            recorder.await(r -> Long.toString(id).equals(TopicRecorder.header(r, MessageHeaders.ID)), 1, TIMEOUT);
            Await.until(
                    "marked published",
                    TIMEOUT,
                    () -> "PUBLISHED"
                            .equals(jdbc.queryForObject(
                                    "SELECT status FROM outbox_event WHERE id = ?", String.class, id)));
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM messaging_ops_audit WHERE action = 'OUTBOX_REQUEUE'"
                                    + " AND target = ? AND actor = '7'",
                            Integer.class,
                            Long.toString(id)))
                    .isEqualTo(1);
        }
    }

    private int effectsOf(String messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM demo_effect WHERE message_id = ?", Integer.class, messageId);
    }

    private int effects(long account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM demo_effect WHERE account_id = ?", Integer.class, account);
    }
}
