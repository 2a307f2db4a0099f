package com.creatorcommerce.order.domain.stock;

import java.util.Map;
import java.util.Optional;

/** All or nothing: a reservation is possible only when every line's option exists, is on sale and has the units. */
public final class StockCheck {

    private StockCheck() {}

    /**
     * The reason the lines cannot be reserved against this stock (checked line by line in option order), or empty
     * when all of them can.
     */
    public static Optional<Rejection> check(ReservationLines lines, Map<Long, OptionStock> stock) {
        for (ReservationLine line : lines.lines()) {
            OptionStock option = stock.get(line.productOptionId());
            if (option == null) {
                return Optional.of(new Rejection(
                        Rejection.OPTION_NOT_FOUND,
                        line.productOptionId(),
                        "option " + line.productOptionId() + " does not exist"));
            }
            if (!option.onSale()) {
                return Optional.of(new Rejection(
                        Rejection.OPTION_UNAVAILABLE,
                        line.productOptionId(),
                        "option " + line.productOptionId() + " is not on sale"));
            }
            if (option.stockQuantity() < line.quantity()) {
                return Optional.of(new Rejection(
                        Rejection.INSUFFICIENT_STOCK,
                        line.productOptionId(),
                        "option " + line.productOptionId() + ": " + line.quantity() + " requested, "
                                + option.stockQuantity() + " in stock"));
            }
        }
        return Optional.empty();
    }
}
