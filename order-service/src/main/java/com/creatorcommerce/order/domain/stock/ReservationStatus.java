package com.creatorcommerce.order.domain.stock;

/** The one decision recorded per order in {@code stock_reservations}. */
public enum ReservationStatus {
    /** The stock is taken (until released). */
    RESERVED,
    /** Refused (unknown, unavailable or short option); nothing was taken. */
    REJECTED,
    /** Given back, or released before any reserve arrived; a later reserve for the order is refused. */
    RELEASED
}
