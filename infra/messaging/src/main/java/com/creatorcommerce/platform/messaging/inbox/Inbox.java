package com.creatorcommerce.platform.messaging.inbox;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.MessageTracing;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consumer-side deduplication: {@code processed_message(consumer, message_id)} is inserted in the handler's
 * transaction, so a redelivered or duplicated message has no second effect (a concurrent duplicate waits on the
 * primary key and then sees it).
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private volatile MessageTracing tracing = MessageTracing.NONE;

    public Inbox(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** The span each handler runs in ({@link MessageTracing#NONE} until set: none). */
    public void useTracing(MessageTracing messageTracing) {
        this.tracing = messageTracing;
    }

    /**
     * Handles {@code record} once for {@code consumer}: in one transaction, records the message id and runs
     * {@code handler} (with the message bound to {@link MessageContext} so outbox appends inherit correlation and
     * causation, and in a consumer span continuing the message's trace). Returns false, doing nothing, when this consumer already processed the message.
     */
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Consumer<InboundMessage> handler) {
        InboundMessage message = InboundMessage.from(record);
        try (MessageTracing.Consuming span = tracing.consuming(message, consumer)) {
            try {
                Boolean handled = tx.execute(status -> {
                    if (!markProcessed(consumer, message)) {
                        log.debug("{} skips {} {}: handled before", consumer, message.type(), message.id());
                        return false;
                    }
                    if (log.isDebugEnabled()) {
                        log.debug(
                                "{} handles {} {} from {} key {}",
                                consumer,
                                message.type(),
                                message.id(),
                                message.topic(),
                                message.key());
                    }
                    try (MessageContext.Scope ignored = MessageContext.open(message)) {
                        handler.accept(message);
                    }
                    return true;
                });
                return Boolean.TRUE.equals(handled);
            } catch (RuntimeException | Error e) {
                span.error(e);
                throw e;
            }
        }
    }

    /** Inserts the dedup row in the current transaction; false if it is already there. */
    public boolean markProcessed(String consumer, InboundMessage message) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Inbox rows must be written in the handler's transaction");
        }
        try {
            jdbc.update("""
                    INSERT INTO processed_message (consumer, message_id, message_type, processed_at)
                    VALUES (?, ?, ?, ?)""", consumer, message.id(), message.type(), Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
