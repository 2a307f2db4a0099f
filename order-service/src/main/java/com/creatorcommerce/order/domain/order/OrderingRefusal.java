package com.creatorcommerce.order.domain.order;

/**
 * Why placing, reading or cancelling an order is refused. The names are the stable problem {@code code}s of the HTTP
 * API; nothing was changed when one is thrown.
 */
public enum OrderingRefusal {
    /** No lines: no items, or an empty cart. */
    EMPTY_ORDER,
    /** Both {@code items} and {@code from_cart}: an order takes its lines from one of them. */
    ITEMS_AND_CART,
    /** More than {@link OrderLines#MAX_LINES} lines. */
    TOO_MANY_LINES,
    /** A quantity outside 1..{@link OrderLines#MAX_QUANTITY}. */
    INVALID_QUANTITY,
    PRODUCT_OPTION_NOT_FOUND,
    /** The product or the option is not on sale. */
    PRODUCT_OPTION_UNAVAILABLE,
    /** The charge amount is outside the charge limits. */
    CHARGE_AMOUNT_OUT_OF_RANGE,
    /** A charge needs the payment key the client got from the PG. */
    PAYMENT_KEY_REQUIRED,
    /** No such order, or not the caller's (never revealed). */
    ORDER_NOT_FOUND,
    /** Only a COMPLETED order can be cancelled. */
    ORDER_NOT_CANCELLABLE,
    /** A cancellation of the order is already running. */
    ORDER_CANCEL_IN_PROGRESS,
    /** The same Idempotency-Key is placing an order right now. */
    ORDER_IN_PROGRESS
}
