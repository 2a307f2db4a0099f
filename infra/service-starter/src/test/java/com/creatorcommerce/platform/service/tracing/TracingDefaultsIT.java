package com.creatorcommerce.platform.service.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.messaging.MessageTracing;
import com.creatorcommerce.platform.messaging.tracing.MicrometerMessageTracing;
import com.creatorcommerce.platform.openapi.OpenApiTestApplication;
import com.creatorcommerce.platform.test.RealInfrastructure;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A service on the starter traces by default and exports nothing: an OpenTelemetry tracer, every trace sampled, the
 * outbox and inbox on it, no OTLP exporter while {@code OTLP_TRACING_ENDPOINT} is unset; and its structured JSON log
 * lines (the switch ops turn on) carry the trace and span ids.
 */
@SpringBootTest(
        classes = OpenApiTestApplication.class,
        properties = {
            "spring.application.name=widget-service",
            "platform.service.schema=widget_service",
            "logging.config=classpath:logback-structured.xml",
            "logging.structured.format.console=ecs"
        })
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class TracingDefaultsIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment env;

    @Autowired
    Tracer tracer;

    @Test
    void tracesEveryRequestAndExportsNothingUntilAnEndpointIsSet() {
        assertThat(tracer.getClass().getName()).startsWith("io.micrometer.tracing.otel.");
        assertThat(context.getBean(MessageTracing.class)).isInstanceOf(MicrometerMessageTracing.class);
        assertThat(env.getProperty("management.tracing.sampling.probability", Double.class))
                .isEqualTo(1.0);
        assertThat(context.getBeansOfType(SpanExporter.class).values())
                .noneMatch(e -> e instanceof OtlpHttpSpanExporter);
        assertThat(context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
    }

    @Test
    void structuredLogLinesCarryTheTraceAndSpanIds(CapturedOutput output) {
        Span span = tracer.nextSpan().name("work").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            LoggerFactory.getLogger(TracingDefaultsIT.class).info("inside the span");
        } finally {
            span.end();
        }

        assertThat(output.getOut()
                        .lines()
                        .filter(l -> l.contains("inside the span"))
                        .toList())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("{")
                        .contains(span.context().traceId())
                        .contains(span.context().spanId()));
    }
}
