package com.creatorcommerce.credit.application;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.inbox.Inbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Inbox} for an already parsed message: in one transaction, records the message for {@code consumer} and runs
 * {@code work} with the message bound to {@link MessageContext}; does nothing when it was handled before.
 */
@Component
class HandleOnce {

    private final Inbox inbox;
    private final TransactionTemplate tx;

    HandleOnce(Inbox inbox, TransactionTemplate tx) {
        this.inbox = inbox;
        this.tx = tx;
    }

    boolean run(String consumer, InboundMessage message, Runnable work) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!inbox.markProcessed(consumer, message)) {
                return false;
            }
            try (MessageContext.Scope ignored = MessageContext.open(message)) {
                work.run();
            }
            return true;
        }));
    }

    /** Records the message in the current transaction; false when it was handled before. */
    boolean mark(String consumer, InboundMessage message) {
        return inbox.markProcessed(consumer, message);
    }
}
