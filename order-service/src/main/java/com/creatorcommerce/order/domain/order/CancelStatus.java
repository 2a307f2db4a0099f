package com.creatorcommerce.order.domain.order;

/** The cancellation of a COMPLETED order (the order-cancel saga); null on an order nobody asked to cancel. */
public enum CancelStatus {
    /** The order-cancel saga runs: a second cancel is refused until it ends. */
    IN_PROGRESS,
    /** A step of the cancellation was not answered in time; the order stays COMPLETED and may be cancelled again. */
    FAILED,
    /** Points refunded, coupon released, stock restored: the order is CANCELLED. */
    DONE
}
