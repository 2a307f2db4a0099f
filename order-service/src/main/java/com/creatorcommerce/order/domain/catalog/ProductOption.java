package com.creatorcommerce.order.domain.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A purchasable variant of a product ({@code product_options}): its own SKU, a price on top of the product's base
 * price, and the stock that orders reserve.
 */
public record ProductOption(
        long id,
        long productId,
        String optionName,
        String sku,
        long additionalPrice,
        int stockQuantity,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public ProductOption {
        if (id <= 0 || productId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        optionName = CatalogLimits.requireText("option_name", optionName, CatalogLimits.MAX_OPTION_NAME);
        CatalogLimits.requireSku(sku);
        CatalogLimits.requirePrice("additional_price", additionalPrice);
        if (stockQuantity < 0) {
            throw new IllegalArgumentException("stock_quantity is never negative");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The unit price of this option: the product's base price plus the option's additional price. */
    public long unitPrice(long basePrice) {
        return Math.addExact(basePrice, additionalPrice);
    }

    public boolean inStock() {
        return stockQuantity > 0;
    }
}
