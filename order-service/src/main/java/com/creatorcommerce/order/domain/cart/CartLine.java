package com.creatorcommerce.order.domain.cart;

import java.time.Instant;

/**
 * One line of a user's cart as the user sees it now: what was added (quantity, {@code savedPrice} = the unit price
 * when it was added) next to the catalog's current state (unit price, whether the product and option are still
 * sold, stock).
 */
public record CartLine(
        long id,
        long userId,
        long productId,
        String productName,
        long productOptionId,
        String optionName,
        String sku,
        int quantity,
        long savedPrice,
        long currentPrice,
        boolean productActive,
        boolean optionActive,
        int stockQuantity,
        Instant createdAt,
        Instant updatedAt) {

    public CartLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a cart line holds at least one unit");
        }
    }

    /** The price changed since the line was added. */
    public boolean priceChanged() {
        return currentPrice != savedPrice;
    }

    /** Product and option are both still on sale. */
    public boolean available() {
        return productActive && optionActive;
    }

    public boolean outOfStock() {
        return stockQuantity <= 0;
    }

    /** Fewer units in stock than the line asks for (includes out of stock). */
    public boolean insufficientStock() {
        return stockQuantity < quantity;
    }

    /** Could be ordered as it is right now. */
    public boolean orderable() {
        return available() && !insufficientStock();
    }

    /** Quantity times the current unit price. */
    public long subtotal() {
        return Math.multiplyExact(currentPrice, (long) quantity);
    }
}
