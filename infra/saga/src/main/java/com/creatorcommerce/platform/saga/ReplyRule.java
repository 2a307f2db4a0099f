package com.creatorcommerce.platform.saga;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An expected reply of a step's command: its type, whether it reports success, and how it changes the data (success)
 * or which reason code (and detail: what the participant said) it gives (failure).
 */
record ReplyRule<D>(String type, boolean success, BiFunction<D, PayloadReader, StepOutcome<D>> applier) {

    /** Reads a reply's JSON payload as a record (a malformed payload is a permanent failure of that message). */
    @FunctionalInterface
    interface PayloadReader {
        <R> R read(Class<R> type);
    }

    static <D, R> ReplyRule<D> success(String type, Class<R> payloadType, BiFunction<D, R, D> update) {
        return new ReplyRule<>(
                type, true, (data, reader) -> StepOutcome.success(update.apply(data, reader.read(payloadType))));
    }

    static <D> ReplyRule<D> success(String type) {
        return new ReplyRule<>(type, true, (data, reader) -> StepOutcome.success(data));
    }

    static <D, R> ReplyRule<D> failure(
            String type, Class<R> payloadType, Function<R, String> reasonCode, Function<R, String> detail) {
        return new ReplyRule<>(type, false, (data, reader) -> {
            R payload = reader.read(payloadType);
            return StepOutcome.failure(reasonCode.apply(payload), detail == null ? null : detail.apply(payload));
        });
    }

    static <D> ReplyRule<D> failure(String type, String reasonCode) {
        return new ReplyRule<>(type, false, (data, reader) -> StepOutcome.failure(reasonCode));
    }

    StepOutcome<D> apply(D data, PayloadReader reader) {
        return applier.apply(data, reader);
    }
}
