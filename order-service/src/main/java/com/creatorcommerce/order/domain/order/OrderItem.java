package com.creatorcommerce.order.domain.order;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import java.util.Objects;

/**
 * A line of an order: a snapshot of the option when it was ordered (seed 004: product name, option name, SKU, unit
 * price), so that later catalog changes never change past orders. {@code productOptionId} is a reference only.
 *
 * @param price KRW per unit when ordered
 */
public record OrderItem(
        long id, long productOptionId, String productName, String optionName, String sku, long price, int quantity) {

    public OrderItem {
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(optionName, "optionName");
        Objects.requireNonNull(sku, "sku");
        if (price < 0 || quantity < 1) {
            throw new IllegalArgumentException("an order item needs a price >= 0 and a quantity >= 1");
        }
    }

    /**
     * The item for {@code quantity} units of the option as it is now.
     *
     * @throws OrderRefusedException PRODUCT_OPTION_UNAVAILABLE when the option is not on sale
     */
    public static OrderItem snapshot(long id, OptionSnapshot option, int quantity) {
        if (!option.onSale()) {
            throw new OrderRefusedException(
                            OrderRefusal.PRODUCT_OPTION_UNAVAILABLE,
                            "Product option " + option.productOptionId() + " is not on sale.")
                    .with("product_option_id", Long.toString(option.productOptionId()));
        }
        return new OrderItem(
                id,
                option.productOptionId(),
                option.productName(),
                option.optionName(),
                option.sku(),
                option.unitPrice(),
                quantity);
    }

    /** Price times quantity, exact. */
    public long subtotal() {
        return Math.multiplyExact(price, (long) quantity);
    }
}
