package com.creatorcommerce.order.domain.stock;

/** The stock of one option as seen under its row lock, with whether the option and its product are on sale. */
public record OptionStock(
        long productOptionId, long productId, int stockQuantity, boolean optionActive, boolean productActive) {

    public boolean onSale() {
        return optionActive && productActive;
    }
}
