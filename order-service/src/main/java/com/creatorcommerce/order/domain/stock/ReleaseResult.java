package com.creatorcommerce.order.domain.stock;

import java.util.List;

/** The answer to "release the stock of this order": what was given back now (nothing when replayed). */
public record ReleaseResult(long orderId, Outcome outcome, List<ReservationLine> restored) {

    public enum Outcome {
        /** The reservation's units went back to stock now. */
        RELEASED,
        /** Released before: nothing changed now. */
        ALREADY_RELEASED,
        /** Nothing had been taken for the order (refused, or no reserve yet: a late reserve will be refused). */
        NOTHING_RESERVED
    }

    public ReleaseResult {
        restored = List.copyOf(restored);
    }
}
