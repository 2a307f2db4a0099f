package com.creatorcommerce.order.domain.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A product as stored ({@code products}). {@code viewCount} and {@code likeCount} are counters maintained by atomic
 * SQL increments and are never written from an instance of this record.
 */
public record Product(
        long id,
        String productName,
        String description,
        long basePrice,
        long viewCount,
        long likeCount,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    public Product {
        if (id <= 0) {
            throw new IllegalArgumentException("product id must be positive");
        }
        productName = CatalogLimits.requireText("product_name", productName, CatalogLimits.MAX_PRODUCT_NAME);
        CatalogLimits.requirePrice("base_price", basePrice);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
