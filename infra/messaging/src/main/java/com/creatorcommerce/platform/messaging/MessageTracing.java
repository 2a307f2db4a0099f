package com.creatorcommerce.platform.messaging;

import com.creatorcommerce.platform.messaging.tracing.Traceparent;

/**
 * The W3C trace context of the messages of the outbox and inbox: what an outbox row stores when it is appended, the
 * span the relay's send gets, and the span a consumer's handler runs in. {@link #NONE} (no tracer) still keeps one
 * trace id across a flow, without spans; the service starter's tracer makes real spans
 * ({@code com.creatorcommerce.platform.messaging.tracing.MicrometerMessageTracing}).
 */
public interface MessageTracing {

    /**
     * The {@code traceparent} an outbox row appended now stores: the current span's when there is one, otherwise
     * that of {@code cause}, the message being handled ({@code null}: none).
     */
    String traceparentForAppend(InboundMessage cause);

    /**
     * Starts the span of handling {@code message} for {@code consumer} (a child of the message's
     * {@code traceparent}), current on this thread until closed.
     */
    Consuming consuming(InboundMessage message, String consumer);

    /** Starts the span of the relay's send of a stored row; its {@code traceparent} goes on the Kafka record. */
    Sending sending(String traceparent, String topic, long rowId);

    /** A consumer span in scope. */
    interface Consuming extends AutoCloseable {

        void error(Throwable error);

        @Override
        void close();
    }

    /** A producer span: ended once the broker has answered. */
    interface Sending {

        /** The {@code traceparent} header of the record (the stored one without a tracer). */
        String traceparent();

        /** @param error {@code null}: acknowledged */
        void end(Throwable error);
    }

    /** No tracer: rows carry the cause's trace id (or a new one), with a new span id; no spans. */
    MessageTracing NONE = new MessageTracing() {

        @Override
        public String traceparentForAppend(InboundMessage cause) {
            Traceparent parent = cause == null ? null : Traceparent.parse(cause.traceparent());
            return parent == null
                    ? Traceparent.random().toString()
                    : parent.withNewSpanId().toString();
        }

        @Override
        public Consuming consuming(InboundMessage message, String consumer) {
            return NO_SPAN;
        }

        @Override
        public Sending sending(String traceparent, String topic, long rowId) {
            return new Sending() {
                @Override
                public String traceparent() {
                    return traceparent;
                }

                @Override
                public void end(Throwable error) {}
            };
        }
    };

    Consuming NO_SPAN = new Consuming() {
        @Override
        public void error(Throwable error) {}

        @Override
        public void close() {}
    };
}
