package com.creatorcommerce.order.domain.stock;

import java.util.List;
import java.util.Objects;

/**
 * The recorded decision for one order: its status, why it was refused (if it was), and for a reservation that took
 * stock, exactly which units it took.
 */
public record StockReservation(
        long id,
        long orderId,
        ReservationStatus status,
        String reasonCode,
        String reasonDetail,
        List<ReservationLine> items) {

    public StockReservation {
        Objects.requireNonNull(status, "status");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether this reservation took exactly these lines. */
    public boolean tookExactly(ReservationLines lines) {
        return !items.isEmpty() && ReservationLines.of(items).equals(lines);
    }
}
