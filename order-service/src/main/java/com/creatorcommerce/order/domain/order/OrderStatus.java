package com.creatorcommerce.order.domain.order;

/** Where an order stands (seed 004's {@code order_status}). */
public enum OrderStatus {
    /** Placed: its stock is reserved and its charge-then-order saga runs. */
    PENDING,
    /** Paid with points; stock taken, coupon used. */
    COMPLETED,
    /** Failed while being placed, or a completed order cancelled: nothing of it stays in effect. */
    CANCELLED
}
