package com.creatorcommerce.platform.messaging;

/**
 * The message being handled on this thread, so that messages appended while handling it inherit its correlation
 * id, user and trace and name it as their causation.
 */
public final class MessageContext {

    private static final ThreadLocal<InboundMessage> CURRENT = new ThreadLocal<>();

    private MessageContext() {}

    public static InboundMessage current() {
        return CURRENT.get();
    }

    /** Binds {@code message} until the returned scope is closed. */
    public static Scope open(InboundMessage message) {
        InboundMessage previous = CURRENT.get();
        CURRENT.set(message);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
