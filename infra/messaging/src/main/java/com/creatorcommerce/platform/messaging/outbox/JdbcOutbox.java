package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.messaging.MessageTracing;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore.Row;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Outbox} on JDBC: one INSERT in the caller's transaction; after commit, the committed rows are handed to
 * this instance's relay ({@link OutboxRelay#committed}), which sends them at once when that keeps every guarantee and
 * otherwise publishes them in its next round.
 */
public class JdbcOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);
    private static final String COMMITTED_ROWS = JdbcOutbox.class.getName() + ".rows";

    private final JdbcTemplate jdbc;
    private final IdGenerator ids;
    private final JsonMapper json;
    private final String source;
    private final Consumer<List<Row>> committed;
    private volatile MessageTracing tracing = MessageTracing.NONE;

    /** An outbox whose commits only wake a relay up ({@code wakeUp}); the relay reads the rows back. */
    public JdbcOutbox(DataSource dataSource, IdGenerator ids, JsonMapper json, String source, Runnable wakeUp) {
        this(dataSource, ids, json, source, rows -> wakeUp.run());
    }

    /** An outbox that hands its committed rows to this instance's {@code relay} (none: {@code null}). */
    public JdbcOutbox(DataSource dataSource, IdGenerator ids, JsonMapper json, String source, OutboxRelay relay) {
        this(dataSource, ids, json, source, relay == null ? rows -> {} : relay::committed);
    }

    private JdbcOutbox(
            DataSource dataSource, IdGenerator ids, JsonMapper json, String source, Consumer<List<Row>> committed) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ids = ids;
        this.json = json;
        this.source = source;
        this.committed = committed;
    }

    /** The trace context each row stores ({@link MessageTracing#NONE} until set: the cause's trace, or a new one). */
    public void useTracing(MessageTracing messageTracing) {
        this.tracing = messageTracing;
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
        int slot = OutboxSlots.of(message.key());
        Timestamp createdAt = Timestamp.from(now);
        jdbc.update("""
                INSERT INTO outbox_event (id, partition_no, topic, message_key, event_type, headers, payload,
                                          status, attempts, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""", id, slot, message.topic(), message.key(), message.type(), headers, payload, createdAt);
        rowsOfThisTransaction().add(new Row(id, slot, message.topic(), message.key(), headers, payload, createdAt));
        if (log.isDebugEnabled()) { // with the trace id of the request or handler: follow one flow in the logs
            log.debug(
                    "Outbox row {} appended by {}: {} to {} key {}",
                    id,
                    source,
                    message.type(),
                    message.topic(),
                    message.key());
        }
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
        String correlation = m.correlationId() != null
                ? m.correlationId()
                : cause != null && cause.correlationId() != null ? cause.correlationId() : Long.toString(id);
        h.put(MessageHeaders.CORRELATION_ID, correlation);
        if (cause != null) {
            h.put(MessageHeaders.CAUSATION_ID, cause.id());
        }
        Long user = m.userId() != null ? m.userId() : cause != null ? cause.userId() : null;
        if (user != null) {
            h.put(MessageHeaders.USER_ID, user.toString());
        }
        h.put(MessageHeaders.TRACEPARENT, tracing.traceparentForAppend(cause));
        return h;
    }

    /** The rows appended in the current transaction, handed over once it has committed. */
    @SuppressWarnings("unchecked")
    private List<Row> rowsOfThisTransaction() {
        List<Row> rows = (List<Row>) TransactionSynchronizationManager.getResource(COMMITTED_ROWS);
        if (rows != null) {
            return rows;
        }
        List<Row> fresh = new ArrayList<>(2);
        TransactionSynchronizationManager.bindResource(COMMITTED_ROWS, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(COMMITTED_ROWS);
                if (status == STATUS_COMMITTED) {
                    committed.accept(fresh);
                }
            }
        });
        return fresh;
    }
}
