package com.creatorcommerce.platform.messaging.it;

import static com.creatorcommerce.platform.messaging.it.MessagingTestApplication.ACKS;
import static com.creatorcommerce.platform.messaging.it.MessagingTestApplication.EVENTS;
import static com.creatorcommerce.platform.messaging.it.MessagingTestApplication.POISON;
import static com.creatorcommerce.platform.test.TopicRecorder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.messaging.MessagingMaintenance;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import com.creatorcommerce.platform.messaging.it.MessagingTestApplication.DepositService;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.test.Await;
import com.creatorcommerce.platform.test.RealInfrastructure;
import com.creatorcommerce.platform.test.TestKafka;
import com.creatorcommerce.platform.test.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.IllegalTransactionStateException;

@SpringBootTest
@RealInfrastructure
class OutboxInboxIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static TopicRecorder recorder;

    @Autowired
    DepositService deposits;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    Inbox inbox;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    MessagingMaintenance maintenance;

    @Autowired
    com.creatorcommerce.platform.messaging.outbox.OutboxRelay relay;

    @BeforeAll
    static void record() {
        recorder = new TopicRecorder(TestKafka.bootstrapServers(), EVENTS, ACKS, POISON + ".DLT");
    }

    @AfterAll
    static void stop() {
        recorder.close();
    }

    private static long newAccount() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private int effects(long account) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM demo_effect WHERE account_id = ?", Integer.class, account);
    }

    @Test
    void aStateChangeAndItsEventCommitTogetherAndReachTheConsumerWithTheEnvelope() {
        long account = newAccount();

        long messageId = deposits.deposit(account, 100, false);

        assertThat(jdbc.queryForObject("SELECT balance FROM demo_account WHERE id = ?", Long.class, account))
                .isEqualTo(100);
        Await.until("the consumer's effect", TIMEOUT, () -> effects(account) == 1);
        ConsumerRecord<String, String> event = recorder.await(
                        r -> r.topic().equals(EVENTS) && r.key().equals(Long.toString(account)), 1, TIMEOUT)
                .getFirst();
        assertThat(header(event, MessageHeaders.ID)).isEqualTo(Long.toString(messageId));
        assertThat(header(event, MessageHeaders.TYPE)).isEqualTo("demo.deposited.v1");
        assertThat(header(event, MessageHeaders.SOURCE)).isEqualTo("/messaging-test");
        assertThat(header(event, MessageHeaders.SUBJECT)).isEqualTo(Long.toString(account));
        assertThat(header(event, MessageHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(event, MessageHeaders.TIME)).isNotBlank();
        assertThat(header(event, MessageHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(header(event, MessageHeaders.CORRELATION_ID)).isEqualTo(Long.toString(messageId));
        assertThat(header(event, MessageHeaders.USER_ID)).isEqualTo(Long.toString(account));
        assertThat(event.value()).contains("\"amount\":100");
        Await.until(
                "the row marked published (the relay marks acknowledged rows on its marker thread)",
                TIMEOUT,
                () -> "PUBLISHED"
                        .equals(jdbc.queryForObject(
                                "SELECT status FROM outbox_event WHERE id = ?", String.class, messageId)));
    }

    @Test
    void messagesAppendedWhileHandlingOneInheritItsCorrelationAndNameItAsCause() {
        long account = newAccount();
        long messageId = deposits.deposit(account, 5, false);

        ConsumerRecord<String, String> ack = recorder.await(
                        r -> r.topic().equals(ACKS) && r.key().equals(Long.toString(account)), 1, TIMEOUT)
                .getFirst();
        ConsumerRecord<String, String> cause = recorder.await(
                        r -> r.topic().equals(EVENTS) && r.key().equals(Long.toString(account)), 1, TIMEOUT)
                .getFirst();

        assertThat(header(ack, MessageHeaders.CAUSATION_ID)).isEqualTo(Long.toString(messageId));
        assertThat(header(ack, MessageHeaders.CORRELATION_ID)).isEqualTo(header(cause, MessageHeaders.CORRELATION_ID));
        assertThat(header(ack, MessageHeaders.USER_ID)).isEqualTo(Long.toString(account));
        assertThat(header(ack, MessageHeaders.TRACEPARENT).split("-")[1])
                .as("same trace")
                .isEqualTo(header(cause, MessageHeaders.TRACEPARENT).split("-")[1]);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        long account = newAccount();

        assertThatThrownBy(() -> deposits.deposit(account, 13, true)).isInstanceOf(IllegalStateException.class);
        deposits.deposit(account, 7, false); // a later event on the same key: it arrives after anything earlier

        Await.until("the committed deposit's effect", TIMEOUT, () -> effects(account) == 1);
        List<ConsumerRecord<String, String>> events =
                recorder.await(r -> r.topic().equals(EVENTS) && r.key().equals(Long.toString(account)), 1, TIMEOUT);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().value()).contains("\"amount\":7");
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM demo_effect WHERE account_id = ?", Long.class, account))
                .isEqualTo(7);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND topic = ?",
                        Integer.class,
                        Long.toString(account),
                        EVENTS))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT balance FROM demo_account WHERE id = ?", Long.class, account))
                .isEqualTo(7);
    }

    @Test
    void aRedeliveredMessageHasExactlyOneEffect() throws Exception {
        long account = newAccount();
        String duplicateId = "dup-" + account;
        // the broker hands the same message over twice (e.g. a consumer crashed before committing its offset)
        kafka.send(envelope(account, duplicateId, 50)).get();
        kafka.send(envelope(account, duplicateId, 50)).get();
        // a different message behind them on the same partition proves both copies were consumed
        kafka.send(envelope(account, "sentinel-" + account, 1)).get();

        Await.until("the sentinel's effect", TIMEOUT, () -> effects(account) == 2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM demo_effect WHERE message_id = ?", Integer.class, duplicateId))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_message WHERE consumer = 'demo-consumer' "
                                + "AND message_id = ?",
                        Integer.class,
                        duplicateId))
                .isEqualTo(1);
    }

    @Test
    void handlingTheSameRecordTwiceDirectlyIsANoOpTheSecondTime() {
        long account = newAccount();
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                EVENTS, 0, 0, Long.toString(account), "{\"accountId\":" + account + ",\"amount\":3}");
        envelope(account, "direct-" + account, 3)
                .headers()
                .forEach(h -> record.headers().add(h));

        boolean first = inbox.handle(
                "direct",
                record,
                m -> jdbc.update(
                        "INSERT INTO demo_effect (message_id, account_id, amount) VALUES (?, ?, 3)", m.id(), account));
        boolean second = inbox.handle(
                "direct",
                record,
                m -> jdbc.update(
                        "INSERT INTO demo_effect (message_id, account_id, amount) VALUES (?, ?, 3)", m.id(), account));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(effects(account)).isEqualTo(1);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(OutboundMessage.of(EVENTS, "k", "demo.deposited.v1", "x")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAtOnceWithTheError() throws Exception {
        long account = newAccount();
        ProducerRecord<String, String> poison = envelope(account, "poison-" + account, 1);
        kafka.send(new ProducerRecord<>(POISON, null, poison.key(), poison.value(), poison.headers()))
                .get();

        ConsumerRecord<String, String> dead = recorder.await(
                        r -> r.topic().equals(POISON + ".DLT") && r.key().equals(Long.toString(account)), 1, TIMEOUT)
                .getFirst();
        assertThat(header(dead, MessageHeaders.ID)).isEqualTo("poison-" + account);
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("cannot handle poison-" + account);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_message WHERE consumer = "
                                + "'demo-poison-consumer' AND message_id = ?",
                        Integer.class,
                        "poison-" + account))
                .as("failed handling left no inbox row")
                .isZero();
    }

    @Test
    void retentionPurgesOnlyPublishedOutboxRowsAndInboxRowsPastTheirRetention() {
        Instant now = Instant.now();
        Timestamp old = Timestamp.from(now.minus(Duration.ofDays(30)));
        jdbc.update(
                "INSERT INTO outbox_event (id, partition_no, topic, message_key, event_type, headers, payload, "
                        + "status, attempts, created_at, published_at) VALUES (1, 0, 't', 'k', 'x', '{}', '{}', 'PUBLISHED', 0, ?, ?)",
                old,
                old);
        jdbc.update(
                "INSERT INTO outbox_event (id, partition_no, topic, message_key, event_type, headers, payload, "
                        + "status, attempts, created_at) VALUES (2, 0, 't', 'k', 'x', '{}', '{}', 'FAILED', 12, ?)",
                old);
        jdbc.update("INSERT INTO processed_message (consumer, message_id, processed_at) VALUES ('old', 'm1', ?)", old);
        jdbc.update(
                "INSERT INTO processed_message (consumer, message_id, processed_at) VALUES ('new', 'm2', ?)",
                Timestamp.from(now));

        long[] purged = maintenance.purge(now);

        assertThat(purged[0]).isEqualTo(1);
        assertThat(purged[1]).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT id FROM outbox_event WHERE id IN (1, 2)", Long.class))
                .as("failed rows stay for operators")
                .containsExactly(2L);
        assertThat(jdbc.queryForList(
                        "SELECT consumer FROM processed_message WHERE consumer IN ('old', 'new')", String.class))
                .containsExactly("new");
        jdbc.update("DELETE FROM outbox_event WHERE id = 2");
    }

    @Test
    void theRelayPublishesAgainAfterItWasStoppedAndStarted() {
        // Spring pauses cached test contexts and restarts them; deployments may stop/start lifecycles too
        relay.stop();
        relay.start();
        long account = newAccount();

        deposits.deposit(account, 11, false);

        Await.until("the consumer's effect after a relay restart", TIMEOUT, () -> effects(account) == 1);
    }

    @Test
    void aMessageWithoutEnvelopeIsDeadLetteredAtOnce() {
        assertThatThrownBy(() -> InboundMessage.from(new ConsumerRecord<>(EVENTS, 0, 0, "k", "{}")))
                .isInstanceOf(com.creatorcommerce.platform.messaging.MalformedMessageException.class);
    }

    static ProducerRecord<String, String> envelope(long account, String id, long amount) {
        return envelope(EVENTS, account, id, amount);
    }

    static ProducerRecord<String, String> envelope(String topic, long account, String id, long amount) {
        ProducerRecord<String, String> r = new ProducerRecord<>(
                topic, Long.toString(account), "{\"accountId\":" + account + ",\"amount\":" + amount + "}");
        r.headers().add(new RecordHeader(MessageHeaders.ID, id.getBytes(StandardCharsets.UTF_8)));
        r.headers().add(new RecordHeader(MessageHeaders.TYPE, "demo.deposited.v1".getBytes(StandardCharsets.UTF_8)));
        return r;
    }
}
