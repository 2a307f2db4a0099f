package com.creatorcommerce.order.domain.cart;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;

/** Bounds of a cart: beyond them a request is refused rather than stored. */
public final class CartLimits {

    /** Most units of one option in one cart line. */
    public static final int MAX_LINE_QUANTITY = 99;
    /** Most lines (distinct options) in one cart. */
    public static final int MAX_LINES = 100;

    private CartLimits() {}

    /** @throws OrderRefusedException INVALID_QUANTITY unless 1..{@link #MAX_LINE_QUANTITY} */
    public static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_LINE_QUANTITY) {
            throw new OrderRefusedException(
                    OrderRefusal.INVALID_QUANTITY, "quantity must be 1.." + MAX_LINE_QUANTITY + ".");
        }
    }

    /**
     * A line that got {@code added} more units must stay within the line limit.
     *
     * @throws OrderRefusedException CART_LINE_LIMIT_EXCEEDED (with the limit and the quantity before)
     */
    public static void requireLineWithinLimit(CartLine line, int added) {
        if (line.quantity() > MAX_LINE_QUANTITY) {
            throw new OrderRefusedException(
                            OrderRefusal.CART_LINE_LIMIT_EXCEEDED,
                            "A cart line holds at most " + MAX_LINE_QUANTITY + " units.")
                    .with("max_quantity", MAX_LINE_QUANTITY)
                    .with("current_quantity", line.quantity() - added);
        }
    }

    /** @throws OrderRefusedException CART_FULL when a cart has more than {@link #MAX_LINES} lines */
    public static void requireLinesWithinLimit(long lines) {
        if (lines > MAX_LINES) {
            throw new OrderRefusedException(OrderRefusal.CART_FULL, "A cart holds at most " + MAX_LINES + " lines.");
        }
    }
}
