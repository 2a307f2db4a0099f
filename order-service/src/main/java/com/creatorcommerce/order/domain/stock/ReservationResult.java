package com.creatorcommerce.order.domain.stock;

import java.util.List;

/**
 * The answer to "reserve these lines for this order". {@code replayed} is true when the decision had been taken
 * before (the call was a duplicate) and nothing changed now.
 */
public record ReservationResult(
        long orderId,
        ReservationStatus status,
        boolean replayed,
        String reasonCode,
        String reasonDetail,
        List<ReservationLine> lines) {

    public ReservationResult {
        lines = List.copyOf(lines);
    }

    public boolean reserved() {
        return status == ReservationStatus.RESERVED;
    }
}
