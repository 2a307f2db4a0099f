package com.creatorcommerce.platform.messaging;

/** A message that can never be handled (bad envelope or payload): sent to the dead-letter topic without retries. */
public class MalformedMessageException extends PermanentMessageException {

    public MalformedMessageException(String message) {
        super(message);
    }
}
