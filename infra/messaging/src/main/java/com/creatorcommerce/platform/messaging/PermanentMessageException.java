package com.creatorcommerce.platform.messaging;

/**
 * A message this consumer can never handle, whatever is retried: it goes to {@code <topic>.DLT} at once (ADR 10).
 * Throw it from a handler only for the message's own fault (an unknown type, a payload that breaks the contract);
 * anything else is retried without limit, because a transient cause must never lose a message.
 */
public class PermanentMessageException extends RuntimeException {

    public PermanentMessageException(String message) {
        super(message);
    }

    public PermanentMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
