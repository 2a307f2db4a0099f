package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Starts sagas and feeds them their replies. Every transition is one transaction: the inbox row of the reply, the
 * saga's new state, the next command in the outbox, the next deadline and the step log (ADR 11).
 *
 * <p><b>Replies</b>: the service declares the listener of its replies topics and hands each record over:
 * <pre>{@code
 * @KafkaListener(id = "order-saga-replies", topics = {CouponTopics.REPLIES, PointTopics.REPLIES})
 * void on(ConsumerRecord<String, String> record) {
 *     sagas.handleReply("order-saga-replies", record);
 * }
 * }</pre>
 * Failures follow ADR 10: anything transient is thrown and retried by the platform error handler; a reply type the
 * saga does not expect is a {@link com.creatorcommerce.platform.messaging.PermanentMessageException} (dead letter);
 * a malformed payload too. Replies of other requesters (a replies topic is shared) are left alone.
 */
public class SagaEngine {

    private final SagaTransitions transitions;
    private final Inbox inbox;
    private final IdGenerator ids;

    SagaEngine(SagaTransitions transitions, Inbox inbox, IdGenerator ids) {
        this.transitions = transitions;
        this.inbox = inbox;
        this.ids = ids;
    }

    /**
     * Starts a saga inside the caller's transaction: runs its leading local steps, appends its first command to the
     * outbox and sets its deadline; nothing of it exists if the transaction rolls back.
     *
     * @return the saga id
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    public <D> long start(SagaDefinition<D> definition, D data) {
        return transitions.start(definition, ids.nextId(), data);
    }

    /**
     * Handles a record of a replies topic once (inbox {@code consumer}) in its own transaction.
     *
     * @return true when it was a reply to a saga of this service, handled now; false for another requester's
     *     message or a duplicate already handled
     */
    public boolean handleReply(String consumer, ConsumerRecord<String, String> record) {
        InboundMessage message = InboundMessage.from(record);
        if (SagaCorrelation.parse(message.correlationId())
                .filter(r -> transitions.definitions().containsKey(r.type()))
                .isEmpty()) {
            return false;
        }
        AtomicBoolean ours = new AtomicBoolean();
        inbox.handle(consumer, record, m -> ours.set(transitions.reply(m)));
        return ours.get();
    }

    /**
     * Applies a reply inside the caller's transaction, for a listener that routes its records itself and already
     * wrote the inbox row ({@code inbox.handle(..., m -> { if (!sagas.onReply(m)) { ... } })}).
     *
     * @return false when the message belongs to no saga of this service
     */
    public boolean onReply(InboundMessage message) {
        return transitions.reply(message);
    }
}
