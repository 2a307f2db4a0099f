package com.creatorcommerce.order.domain;

/**
 * Why the order context refuses a request: the catalog, likes, the cart and stock, and placing, reading or cancelling
 * an order. The names are the stable problem {@code code}s of the HTTP API; nothing was changed when one is thrown.
 * The web adapter maps each to a status; the two option refusals depend on the endpoint (an order's lines name
 * options, so an order answers them 422, while the catalog and the cart answer 404 and 409).
 */
public enum OrderRefusal {
    // the catalog, likes, the cart and stock
    PRODUCT_NOT_FOUND,
    PRODUCT_OPTION_NOT_FOUND,
    /** The product or the option is not on sale. */
    PRODUCT_OPTION_UNAVAILABLE,
    /** A SKU is unique across the catalog (compared case-insensitively). */
    DUPLICATE_SKU,
    INSUFFICIENT_STOCK,
    /** Stock of an option is at most {@code CatalogLimits.MAX_STOCK}. */
    STOCK_LIMIT_EXCEEDED,
    INVALID_STOCK_DELTA,
    TOO_MANY_OPTIONS,
    CART_ITEM_NOT_FOUND,
    /** A quantity outside 1..{@code CartLimits.MAX_LINE_QUANTITY} (a cart) or 1..{@code OrderLines.MAX_QUANTITY}. */
    INVALID_QUANTITY,
    CART_LINE_LIMIT_EXCEEDED,
    CART_FULL,
    /** Too many ids in one batch question. */
    BATCH_TOO_LARGE,

    // orders
    /** No lines: no items, or an empty cart. */
    EMPTY_ORDER,
    /** Both {@code items} and {@code from_cart}: an order takes its lines from one of them. */
    ITEMS_AND_CART,
    /** More than {@code OrderLines.MAX_LINES} lines. */
    TOO_MANY_LINES,
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
