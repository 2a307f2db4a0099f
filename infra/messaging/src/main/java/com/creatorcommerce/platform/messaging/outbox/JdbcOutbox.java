package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** {@link Outbox} on JDBC: one INSERT in the caller's transaction, then a wake-up of the relay after commit. */
public class JdbcOutbox implements Outbox {

    private static final String WAKE_UP_REGISTERED = JdbcOutbox.class.getName() + ".wakeUp";

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;
    private final JsonMapper json;
    private final String source;
    private final Runnable wakeUp;

    public JdbcOutbox(DataSource dataSource, IdGenerator ids, JsonMapper json, String source, Runnable wakeUp) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ids = ids;
        this.json = json;
        this.source = source;
        this.wakeUp = wakeUp;
    }

    @Override
    public long append(OutboundMessage message) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "Outbox.append must run inside the transaction that changes the state it announces");
        }
        long id = ids.nextId();
        Instant now = Instant.now();
        String headers = json.writeValueAsString(headers(id, message, now));
        String payload = json.writeValueAsString(message.payload());
        jdbc.update("""
                INSERT INTO outbox_event (id, partition_no, topic, message_key, event_type, headers, payload,
                                          status, attempts, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""",
                id, OutboxSlots.of(message.key()), message.topic(), message.key(), message.type(), headers,
                payload, Timestamp.from(now));
        wakeRelayAfterCommit();
        return id;
    }

    private Map<String, String> headers(long id, OutboundMessage m, Instant now) {
        InboundMessage cause = MessageContext.current();
        Map<String, String> h = new LinkedHashMap<>();
        h.put(MessageHeaders.SPEC_VERSION, MessageHeaders.CLOUDEVENTS_VERSION);
        h.put(MessageHeaders.ID, Long.toString(id));
        h.put(MessageHeaders.TYPE, m.type());
        h.put(MessageHeaders.SOURCE, source);
        h.put(MessageHeaders.SUBJECT, m.subject() == null ? m.key() : m.subject());
        h.put(MessageHeaders.TIME, now.toString());
        h.put(MessageHeaders.CONTENT_TYPE, MessageHeaders.JSON);
        String correlation = m.correlationId() != null ? m.correlationId()
                : cause != null && cause.correlationId() != null ? cause.correlationId() : Long.toString(id);
        h.put(MessageHeaders.CORRELATION_ID, correlation);
        if (cause != null) {
            h.put(MessageHeaders.CAUSATION_ID, cause.id());
        }
        Long user = m.userId() != null ? m.userId() : cause != null ? cause.userId() : null;
        if (user != null) {
            h.put(MessageHeaders.USER_ID, user.toString());
        }
        h.put(MessageHeaders.TRACEPARENT, cause != null && cause.traceparent() != null
                ? childOf(cause.traceparent()) : newTraceparent());
        return h;
    }

    /** Same trace, new span id. */
    static String childOf(String traceparent) {
        String[] parts = traceparent.split("-");
        if (parts.length != 4 || parts[1].length() != 32) {
            return newTraceparent();
        }
        return "00-" + parts[1] + "-" + hex(ThreadLocalRandom.current().nextLong()) + "-" + parts[3];
    }

    static String newTraceparent() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "00-" + hex(r.nextLong()) + hex(r.nextLong()) + "-" + hex(r.nextLong()) + "-01";
    }

    private static String hex(long v) {
        return String.format("%016x", v);
    }

    private void wakeRelayAfterCommit() {
        if (TransactionSynchronizationManager.hasResource(WAKE_UP_REGISTERED)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(WAKE_UP_REGISTERED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_UP_REGISTERED);
                if (status == STATUS_COMMITTED) {
                    wakeUp.run();
                }
            }
        });
    }
}
