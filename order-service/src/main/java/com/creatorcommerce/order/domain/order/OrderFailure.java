package com.creatorcommerce.order.domain.order;

import java.util.Objects;

/**
 * Why an order was cancelled, or why its cancellation failed.
 *
 * @param code as {@code failure_code} shows it
 * @param detail what the refusing service said about it (e.g. the balance that was short), or which step went
 *     unanswered; null when nothing more is known
 */
public record OrderFailure(FailureCode code, String detail) {

    public OrderFailure {
        Objects.requireNonNull(code, "code");
    }

    /** The text {@code failure_reason} shows: the code's explanation, then what the service said. */
    public String reason() {
        return detail == null || detail.isBlank() ? code.reason() : code.reason() + " (" + detail + ")";
    }
}
