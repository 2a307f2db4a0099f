package com.creatorcommerce.systemtests.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An in-memory span exporter shared by every service started in this JVM (each application's tracer exports to it
 * through {@link CollectedSpansAutoConfiguration}). Keeps only the spans of the traces a test {@link #watch watches},
 * so that the other tests' traffic costs no memory.
 */
public final class CollectedSpans implements SpanExporter {

    private static final Map<String, Queue<SpanData>> WATCHED = new ConcurrentHashMap<>();

    /** Collects the spans of {@code traceId} from now on. */
    public static void watch(String traceId) {
        WATCHED.putIfAbsent(traceId, new ConcurrentLinkedQueue<>());
    }

    /** The spans of a watched trace exported so far. */
    public static List<SpanData> of(String traceId) {
        Queue<SpanData> spans = WATCHED.get(traceId);
        return spans == null ? List.of() : List.copyOf(spans);
    }

    public static void forget(String traceId) {
        WATCHED.remove(traceId);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            Queue<SpanData> watched = WATCHED.get(span.getTraceId());
            if (watched != null) {
                watched.add(span);
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
