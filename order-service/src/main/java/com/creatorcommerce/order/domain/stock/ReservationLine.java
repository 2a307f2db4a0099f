package com.creatorcommerce.order.domain.stock;

/** Units of one product option that an order needs. */
public record ReservationLine(long productOptionId, int quantity) {

    /** Most units of one option in one reservation. */
    public static final int MAX_QUANTITY = 10_000;

    public ReservationLine {
        if (productOptionId <= 0) {
            throw new IllegalArgumentException("product option id must be positive: " + productOptionId);
        }
        if (quantity <= 0 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity must be 1.." + MAX_QUANTITY + ": " + quantity);
        }
    }
}
