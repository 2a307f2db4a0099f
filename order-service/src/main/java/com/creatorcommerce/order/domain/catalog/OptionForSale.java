package com.creatorcommerce.order.domain.catalog;

/** What a cart needs to know about an option right now: its unit price, whether it is sold, and its stock. */
public record OptionForSale(
        long productOptionId,
        long productId,
        long unitPrice,
        int stockQuantity,
        boolean optionActive,
        boolean productActive) {

    public boolean onSale() {
        return optionActive && productActive;
    }
}
