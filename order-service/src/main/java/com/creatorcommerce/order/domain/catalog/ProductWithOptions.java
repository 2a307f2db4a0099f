package com.creatorcommerce.order.domain.catalog;

import java.util.List;

/** A product and the options shown with it (only active ones on public pages, all of them for admins). */
public record ProductWithOptions(Product product, List<ProductOption> options) {

    public ProductWithOptions {
        options = List.copyOf(options);
        for (ProductOption option : options) {
            if (option.productId() != product.id()) {
                throw new IllegalArgumentException("option " + option.id() + " is not of product " + product.id());
            }
        }
    }

    public long unitPrice(ProductOption option) {
        return option.unitPrice(product.basePrice());
    }
}
