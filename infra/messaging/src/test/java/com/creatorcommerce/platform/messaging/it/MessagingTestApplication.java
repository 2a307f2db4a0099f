package com.creatorcommerce.platform.messaging.it;

import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.PermanentMessageException;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** A tiny service that changes state and announces it through the outbox, and a consumer guarded by the inbox. */
@SpringBootApplication
public class MessagingTestApplication {

    public static final String EVENTS = "demo.events";
    public static final String ACKS = "demo.acks";
    public static final String POISON = "demo.poison";
    public static final String LOCKING = "demo.locking";

    /** Whether the poison consumer has been "fixed" (a new version that understands the message was deployed). */
    public static final AtomicBoolean POISON_CURED = new AtomicBoolean();
    /** Deliveries seen by the locking consumer, successful or not. */
    public static final AtomicInteger LOCKING_ATTEMPTS = new AtomicInteger();

    public record Deposited(long accountId, long amount) {}

    public record Acknowledged(long accountId) {}

    @Service
    public static class DepositService {
        private final JdbcTemplate jdbc;
        private final Outbox outbox;

        DepositService(JdbcTemplate jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        public long deposit(long accountId, long amount, boolean failAfterAppend) {
            jdbc.update(
                    "INSERT INTO demo_account (id, balance) VALUES (?, ?) "
                            + "ON DUPLICATE KEY UPDATE balance = balance + ?",
                    accountId,
                    amount,
                    amount);
            long messageId = outbox.append(OutboundMessage.of(
                            EVENTS, Long.toString(accountId), "demo.deposited.v1", new Deposited(accountId, amount))
                    .withUserId(accountId));
            if (failAfterAppend) {
                throw new IllegalStateException("business rule failed after the event was appended");
            }
            return messageId;
        }
    }

    @Component
    public static class DepositListener {
        private final Inbox inbox;
        private final JdbcTemplate jdbc;
        private final Outbox outbox;
        private final JsonMapper json;

        DepositListener(Inbox inbox, JdbcTemplate jdbc, Outbox outbox, JsonMapper json) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.outbox = outbox;
            this.json = json;
        }

        @KafkaListener(id = "demo-consumer", topics = EVENTS)
        void on(ConsumerRecord<String, String> record) {
            inbox.handle("demo-consumer", record, message -> {
                Deposited d = message.payloadAs(json, Deposited.class);
                jdbc.update(
                        "INSERT INTO demo_effect (message_id, account_id, amount) VALUES (?, ?, ?)",
                        message.id(),
                        d.accountId(),
                        d.amount());
                outbox.append(OutboundMessage.of(
                        ACKS, message.key(), "demo.acknowledged.v1", new Acknowledged(d.accountId())));
            });
        }

        @KafkaListener(id = "demo-poison-consumer", topics = POISON)
        void poison(ConsumerRecord<String, String> record) {
            inbox.handle("demo-poison-consumer", record, message -> {
                if (!POISON_CURED.get()) {
                    throw new PermanentMessageException("cannot handle " + message.id());
                }
                Deposited d = message.payloadAs(json, Deposited.class);
                jdbc.update(
                        "INSERT INTO demo_effect (message_id, account_id, amount) VALUES (?, ?, ?)",
                        message.id(),
                        d.accountId(),
                        d.amount());
            });
        }

        /** Changes a row another transaction may hold locked: fails with a lock wait timeout until it is free. */
        @KafkaListener(id = "demo-locking-consumer", topics = LOCKING)
        void locking(ConsumerRecord<String, String> record) {
            LOCKING_ATTEMPTS.incrementAndGet();
            inbox.handle("demo-locking-consumer", record, message -> {
                Deposited d = message.payloadAs(json, Deposited.class);
                jdbc.update("UPDATE demo_account SET balance = balance + ? WHERE id = ?", d.amount(), d.accountId());
                jdbc.update(
                        "INSERT INTO demo_effect (message_id, account_id, amount) VALUES (?, ?, ?)",
                        message.id(),
                        d.accountId(),
                        d.amount());
            });
        }
    }
}
