package com.creatorcommerce.order.domain.cart;

import java.util.List;

/** A user's cart, newest line first. Totals count only the lines that could be ordered right now. */
public record Cart(long userId, List<CartLine> lines) {

    public Cart {
        lines = List.copyOf(lines);
        for (CartLine line : lines) {
            if (line.userId() != userId) {
                throw new IllegalArgumentException("cart line " + line.id() + " belongs to another user");
            }
        }
    }

    public int totalQuantity() {
        return lines.stream()
                .filter(CartLine::orderable)
                .mapToInt(CartLine::quantity)
                .sum();
    }

    public long totalAmount() {
        return lines.stream()
                .filter(CartLine::orderable)
                .mapToLong(CartLine::subtotal)
                .reduce(0L, Math::addExact);
    }

    public boolean hasUnorderableLines() {
        return lines.stream().anyMatch(line -> !line.orderable());
    }

    public boolean hasPriceChanges() {
        return lines.stream().anyMatch(CartLine::priceChanged);
    }
}
