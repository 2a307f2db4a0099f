package com.creatorcommerce.platform.saga;

import java.util.Objects;

/**
 * What a local step's action answers: success with the (possibly updated) saga data, or a failure with a reason
 * code that starts the compensation. A failing local action must leave nothing behind (it returns before changing
 * anything, or undoes what it did), since its own compensation is not run.
 *
 * @param <D> the saga data
 */
public sealed interface StepOutcome<D> {

    static <D> StepOutcome<D> success(D data) {
        return new Success<>(data);
    }

    static <D> StepOutcome<D> failure(String reasonCode) {
        return new Failure<>(reasonCode, null);
    }

    static <D> StepOutcome<D> failure(String reasonCode, String detail) {
        return new Failure<>(reasonCode, detail);
    }

    /** The step succeeded; the saga goes on with {@code data}. */
    record Success<D>(D data) implements StepOutcome<D> {
        public Success {
            Objects.requireNonNull(data, "data");
        }
    }

    /** The step failed; the saga compensates, storing {@code reasonCode}. */
    record Failure<D>(String reasonCode, String detail) implements StepOutcome<D> {
        public Failure {
            Objects.requireNonNull(reasonCode, "reasonCode");
        }
    }
}
