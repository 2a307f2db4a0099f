package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.OutboundMessage;

/**
 * Appends messages to the {@code outbox_event} table in the caller's transaction; the {@link OutboxRelay}
 * publishes them to Kafka after commit. A rolled back transaction publishes nothing.
 */
public interface Outbox {

    /**
     * @return the message id ({@code ce_id})
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     */
    long append(OutboundMessage message);
}
