package com.creatorcommerce.platform.saga;

/** An operator's action that cannot be done: no such saga, or not in a state that allows it. */
public class SagaOpsException extends RuntimeException {

    /** Why. */
    public enum Kind {
        NOT_FOUND,
        CONFLICT
    }

    private final Kind kind;

    public SagaOpsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
