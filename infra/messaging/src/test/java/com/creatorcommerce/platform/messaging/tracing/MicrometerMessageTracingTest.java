package com.creatorcommerce.platform.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageTracing;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace context of outbox rows, relay sends and inbox handlers, on the OpenTelemetry bridge the services use. */
class MicrometerMessageTracingTest {

    private static final String SENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final Tracer tracer = new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> {});
    private final MessageTracing tracing = new MicrometerMessageTracing(tracer);

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aRowAppendedInARequestStoresTheRequestsSpan() {
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            assertThat(tracing.traceparentForAppend(null))
                    .isEqualTo("00-" + request.context().traceId() + "-"
                            + request.context().spanId() + "-01");
        } finally {
            request.end();
        }
    }

    @Test
    void aRowAppendedWhileHandlingAMessageOfAnotherTraceKeepsTheMessagesTrace() {
        Span unrelated = tracer.nextSpan().name("batch leader").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(unrelated)) {
            assertThat(tracing.traceparentForAppend(message(SENT))).isEqualTo(SENT);
        } finally {
            unrelated.end();
        }
    }

    @Test
    void aRowAppendedOutsideAnyTraceStartsOne() {
        Traceparent stored = Traceparent.parse(tracing.traceparentForAppend(null));

        assertThat(stored).isNotNull();
        assertThat(stored.sampled()).isTrue();
        assertThat(exported.getFinishedSpanItems()).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo("outbox append");
            assertThat(s.getTraceId()).isEqualTo(stored.traceId());
        });
    }

    @Test
    void theRelaysSendIsAChildOfTheStoredContextAndTheRecordCarriesIt() {
        MessageTracing.Sending sending = tracing.sending(SENT, "order.commands", 42L);
        sending.end(null);

        SpanData send = exported.getFinishedSpanItems().getFirst();
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getName()).isEqualTo("publish order.commands");
        assertThat(send.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(send.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(sending.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + send.getSpanId() + "-01");
    }

    @Test
    void aRowWithoutTraceparentIsSentInATraceOfItsOwn() {
        MessageTracing.Sending sending = tracing.sending(null, "order.commands", 42L);
        sending.end(new IllegalStateException("broker down"));

        assertThat(Traceparent.parse(sending.traceparent())).isNotNull();
        assertThat(exported.getFinishedSpanItems()
                        .getFirst()
                        .getStatus()
                        .getStatusCode()
                        .name())
                .isEqualTo("ERROR");
    }

    @Test
    void theHandlerRunsInAConsumerSpanContinuingTheMessagesTrace() {
        String appendedInside;
        try (MessageTracing.Consuming ignored = tracing.consuming(message(SENT), "coupon-commands")) {
            appendedInside = tracing.traceparentForAppend(message(SENT));
        }

        SpanData consumer = exported.getFinishedSpanItems().getFirst();
        assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumer.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(consumer.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(appendedInside)
                .as("what the handler appends is the consumer span's child")
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + consumer.getSpanId() + "-01");
        assertThat(tracer.currentSpan()).as("closed").isNull();
    }

    @Test
    void underTheListenersSpanOfTheSameTraceTheHandlersSpanIsItsChild() {
        Span listener = tracer.spanBuilder()
                .setParent(tracer.traceContextBuilder()
                        .traceId("4bf92f3577b34da6a3ce929d0e0e4736")
                        .spanId("00f067aa0ba902b7")
                        .sampled(true)
                        .build())
                .name("listener")
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(listener);
                MessageTracing.Consuming handling = tracing.consuming(message(SENT), "coupon-commands")) {
            handling.error(new IllegalStateException("lock wait timeout"));
        } finally {
            listener.end();
        }

        SpanData handler = exported.getFinishedSpanItems().getFirst();
        assertThat(handler.getParentSpanId()).isEqualTo(listener.context().spanId());
    }

    @Test
    void anUnsampledTraceStaysUnsampledAndKeepsItsId() {
        String unsampled = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        MessageTracing.Sending sending = tracing.sending(unsampled, "order.commands", 1L);
        sending.end(null);

        Traceparent sent = Traceparent.parse(sending.traceparent());
        assertThat(sent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(sent.sampled()).isFalse();
        assertThat(exported.getFinishedSpanItems()).as("not recorded").isEmpty();
    }

    @Test
    void withoutATracerRowsKeepTheCausesTraceIdWithANewSpanId() {
        Traceparent stored = Traceparent.parse(MessageTracing.NONE.traceparentForAppend(message(SENT)));

        assertThat(stored.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(stored.spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(Traceparent.parse(MessageTracing.NONE.traceparentForAppend(message("garbage"))))
                .isNotNull();
        assertThat(MessageTracing.NONE.sending(SENT, "t", 1L).traceparent()).isEqualTo(SENT);
    }

    @Test
    void onlyValidVersion00TraceparentsParse() {
        assertThat(Traceparent.parse(SENT))
                .isEqualTo(new Traceparent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true));
        assertThat(Traceparent.parse(SENT).toString()).isEqualTo(SENT);
        assertThat(Traceparent.parse(null)).isNull();
        assertThat(Traceparent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isNull();
        assertThat(Traceparent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isNull();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isNull();
        assertThat(Traceparent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isNull();
        assertThat(Traceparent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7"))
                .isNull();
        assertThat(Traceparent.random().toString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private static InboundMessage message(String traceparent) {
        return new InboundMessage(
                "1",
                "coupon.reserve.v1",
                "/order-service",
                "7",
                null,
                "order.checkout:1",
                null,
                null,
                traceparent,
                "coupon.commands",
                "7",
                "{}");
    }
}
