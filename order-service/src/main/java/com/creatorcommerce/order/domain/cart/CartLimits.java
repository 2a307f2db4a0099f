package com.creatorcommerce.order.domain.cart;

/** Bounds of a cart: beyond them a request is refused rather than stored. */
public final class CartLimits {

    /** Most units of one option in one cart line. */
    public static final int MAX_LINE_QUANTITY = 99;
    /** Most lines (distinct options) in one cart. */
    public static final int MAX_LINES = 100;

    private CartLimits() {
    }
}
