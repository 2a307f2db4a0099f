package com.creatorcommerce.systemtests.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test classpath only: every application started in the system-tests JVM (services and gateway) also exports its
 * spans to {@link CollectedSpans}, beside whatever its own configuration exports to (nothing by default).
 */
@AutoConfiguration
public class CollectedSpansAutoConfiguration {

    @Bean
    SpanExporter collectedSpans() {
        return new CollectedSpans();
    }
}
