package com.creatorcommerce.platform.messaging.bench;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageTracing;
import com.creatorcommerce.platform.messaging.tracing.MicrometerMessageTracing;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.function.LongConsumer;

/**
 * What tracing adds per message on the outbox path, on one thread, as a service runs it with export off (every
 * trace sampled, spans ended into a batch processor that exports nowhere): the traceparent an append stores, the
 * relay's send span, the handler's consumer span. Prints ns per operation; compare with a row's cost in the outbox
 * harness (infra/bench).
 *
 * <pre>./mvnw -pl infra/messaging test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.creatorcommerce.platform.messaging.bench.MessageTracingCost</pre>
 */
public final class MessageTracingCost {

    private static final String SENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static volatile Object sink;

    private MessageTracingCost() {}

    public static void main(String[] args) {
        int n = Integer.getInteger("bench.operations", 1_000_000);
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
                .addSpanProcessor(
                        BatchSpanProcessor.builder(SpanExporter.composite()).build())
                .build();
        Tracer tracer = new OtelTracer(provider.get("bench"), new OtelCurrentTraceContext(), event -> {});
        MessageTracing traced = new MicrometerMessageTracing(tracer);
        InboundMessage message = new InboundMessage(
                "1",
                "coupon.reserve.v1",
                "/order-service",
                "7",
                null,
                "c",
                null,
                null,
                SENT,
                "coupon.commands",
                "7",
                "{}");
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            for (int round = 0; round < 3; round++) { // the last round counts; the first two warm up
                boolean print = round == 2;
                measure(
                        "append, no tracer (before)",
                        n,
                        print,
                        i -> sink = MessageTracing.NONE.traceparentForAppend(message));
                measure("append, in a request span", n, print, i -> sink = traced.traceparentForAppend(null));
                measure("relay send span + end", n, print, i -> {
                    MessageTracing.Sending s = traced.sending(SENT, "coupon.commands", i);
                    sink = s.traceparent();
                    s.end(null);
                });
                measure("handler consumer span", n, print, i -> {
                    try (MessageTracing.Consuming c = traced.consuming(message, "coupon-commands")) {
                        sink = c;
                    }
                });
            }
        } finally {
            request.end();
            provider.close();
        }
    }

    private static void measure(String what, int n, boolean print, LongConsumer op) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.accept(i);
        }
        long ns = System.nanoTime() - start;
        if (print) {
            System.out.printf("%-32s %8.0f ns/op  (%d ops)%n", what, (double) ns / n, n);
        }
    }
}
