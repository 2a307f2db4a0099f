package com.creatorcommerce.platform.messaging.tracing;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageTracing;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * {@link MessageTracing} on Micrometer Tracing (the OpenTelemetry bridge in the services): one trace from the request
 * that appends an outbox row, through the relay's send and the consumer's handler, to the rows that handler appends.
 *
 * <ul>
 *   <li>Append: the row stores the current span's context; while handling a message of another trace (a batch
 *       writing several messages' effects), the message's own traceparent; with no span and no message, a span of
 *       its own starts a new trace (sampled as any root).</li>
 *   <li>Send: a PRODUCER span, child of the stored context, and the record carries that span's traceparent.</li>
 *   <li>Consume: a CONSUMER span, child of the record's traceparent (of the listener's span when that already
 *       continues the same trace), current while the handler runs, so that its log lines and the rows it appends
 *       carry the trace.</li>
 * </ul>
 */
public final class MicrometerMessageTracing implements MessageTracing {

    private final Tracer tracer;

    public MicrometerMessageTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public String traceparentForAppend(InboundMessage cause) {
        Traceparent handled = cause == null ? null : Traceparent.parse(cause.traceparent());
        Span current = tracer.currentSpan();
        if (current != null) {
            Traceparent here = of(current.context());
            if (here != null && (handled == null || handled.traceId().equals(here.traceId()))) {
                return here.toString();
            }
        }
        if (handled != null) {
            return handled.toString();
        }
        Span root = tracer.spanBuilder().setNoParent().name("outbox append").start();
        Traceparent started = of(root.context());
        root.end();
        return (started == null ? Traceparent.random() : started).toString();
    }

    @Override
    public Consuming consuming(InboundMessage message, String consumer) {
        Span.Builder builder = tracer.spanBuilder()
                .name("process " + message.topic())
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", message.topic())
                .tag("messaging.consumer.group.name", consumer)
                .tag("messaging.message.id", message.id())
                .tag("cloudevents.event_type", message.type());
        TraceContext parent = parentOf(message);
        if (parent == null) {
            builder.setNoParent();
        } else {
            builder.setParent(parent);
        }
        Span span = builder.start();
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return new Consuming() {
            @Override
            public void error(Throwable error) {
                span.error(error);
            }

            @Override
            public void close() {
                scope.close();
                span.end();
            }
        };
    }

    /** The listener's span when it continues the message's trace already, else the message's traceparent. */
    private TraceContext parentOf(InboundMessage message) {
        Traceparent sent = Traceparent.parse(message.traceparent());
        Span current = tracer.currentSpan();
        if (current != null
                && (sent == null || sent.traceId().equals(current.context().traceId()))) {
            return current.context();
        }
        return sent == null ? null : context(sent);
    }

    @Override
    public Sending sending(String traceparent, String topic, long rowId) {
        Traceparent stored = Traceparent.parse(traceparent);
        Span.Builder builder = tracer.spanBuilder()
                .name("publish " + topic)
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("messaging.message.id", Long.toString(rowId));
        if (stored == null) {
            builder.setNoParent();
        } else {
            builder.setParent(context(stored));
        }
        Span span = builder.start();
        Traceparent sent = of(span.context());
        String header = sent != null ? sent.toString() : traceparent;
        return new Sending() {
            @Override
            public String traceparent() {
                return header;
            }

            @Override
            public void end(Throwable error) {
                if (error != null) {
                    span.error(error);
                }
                span.end();
            }
        };
    }

    private TraceContext context(Traceparent p) {
        return tracer.traceContextBuilder()
                .traceId(p.traceId())
                .spanId(p.spanId())
                .sampled(p.sampled())
                .build();
    }

    private static Traceparent of(TraceContext context) {
        if (context == null) {
            return null;
        }
        Boolean sampled = context.sampled();
        return Traceparent.parse(
                "00-" + context.traceId() + "-" + context.spanId() + (Boolean.TRUE.equals(sampled) ? "-01" : "-00"));
    }
}
