package com.creatorcommerce.order.domain;

/** Why the order context refuses a request. The names are the stable problem {@code code}s of the HTTP API. */
public enum OrderRefusal {
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
    INVALID_QUANTITY,
    CART_LINE_LIMIT_EXCEEDED,
    CART_FULL,
    /** Too many ids in one batch question. */
    BATCH_TOO_LARGE
}
