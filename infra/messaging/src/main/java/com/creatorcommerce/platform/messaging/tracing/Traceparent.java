package com.creatorcommerce.platform.messaging.tracing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C {@code traceparent} value, version 00: {@code 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>}.
 *
 * @param sampled flag 01: the trace is recorded (exported when export is on)
 */
public record Traceparent(String traceId, String spanId, boolean sampled) {

    /** The parsed value; {@code null} when absent or not a valid version-00 traceparent (all-zero ids included). */
    public static Traceparent parse(String value) {
        if (value == null
                || value.length() != 55
                || !value.startsWith("00-")
                || value.charAt(35) != '-'
                || value.charAt(52) != '-') {
            return null;
        }
        String traceId = value.substring(3, 35);
        String spanId = value.substring(36, 52);
        String flags = value.substring(53, 55);
        if (!hex(traceId) || !hex(spanId) || !hex(flags) || zeros(traceId) || zeros(spanId)) {
            return null;
        }
        return new Traceparent(traceId, spanId, (Integer.parseInt(flags, 16) & 1) == 1);
    }

    /** A new sampled trace (no tracer: every flow still gets its own trace id). */
    public static Traceparent random() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new Traceparent(hex16(r.nextLong() | 1) + hex16(r.nextLong()), hex16(r.nextLong() | 1), true);
    }

    /** The same trace with a new span id. */
    public Traceparent withNewSpanId() {
        return new Traceparent(traceId, hex16(ThreadLocalRandom.current().nextLong() | 1), sampled);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String hex16(long v) {
        String s = Long.toHexString(v);
        return s.length() == 16 ? s : "0".repeat(16 - s.length()) + s;
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
