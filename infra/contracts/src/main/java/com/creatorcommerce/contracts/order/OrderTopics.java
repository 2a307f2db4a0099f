package com.creatorcommerce.contracts.order;

/**
 * Topics and CloudEvents types of the order context.
 *
 * <ul>
 *   <li>{@link #EVENTS}: public events of orders, for any subscriber. Key = the order id, so that one order's events
 *       stay in order ({@code order.created.v1} before {@code order.completed.v1} or {@code order.cancelled.v1}).</li>
 * </ul>
 * order-service orchestrates the order sagas by sending commands to the coupon, point and payment contexts (their
 * {@code *Topics}) and reading their replies; it takes no commands itself.
 */
public final class OrderTopics {

    public static final String EVENTS = "order.events";

    // ---------------------------------------------------------------- public events (order.events)
    /** {@link OrderCreated}: an order was placed (PENDING; its saga runs). */
    public static final String CREATED = "order.created.v1";
    /** {@link OrderCompleted}: the order was paid with points and is COMPLETED. */
    public static final String COMPLETED = "order.completed.v1";
    /** {@link OrderCancelled}: the order failed or a completed order was cancelled; it is CANCELLED. */
    public static final String CANCELLED = "order.cancelled.v1";

    private OrderTopics() {}
}
