package com.creatorcommerce.order.application;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;

/** The refusals the use cases share, with their facts (stable codes; facts never carry internal state). */
final class Refusals {

    private Refusals() {}

    static OrderRefusedException productNotFound(long productId) {
        return new OrderRefusedException(OrderRefusal.PRODUCT_NOT_FOUND, "No product " + productId + " is on sale.")
                .with("product_id", Long.toString(productId));
    }

    static OrderRefusedException optionNotFound(long optionId) {
        return new OrderRefusedException(OrderRefusal.PRODUCT_OPTION_NOT_FOUND, "No product option " + optionId + ".")
                .with("product_option_id", Long.toString(optionId));
    }

    static OrderRefusedException optionUnavailable(long optionId) {
        return new OrderRefusedException(
                        OrderRefusal.PRODUCT_OPTION_UNAVAILABLE, "Product option " + optionId + " is not on sale.")
                .with("product_option_id", Long.toString(optionId));
    }

    static OrderRefusedException duplicateSku(String sku) {
        return new OrderRefusedException(OrderRefusal.DUPLICATE_SKU, "The SKU " + sku + " is already used.")
                .with("sku", sku);
    }

    static OrderRefusedException insufficientStock(long optionId, int requested, int available) {
        return new OrderRefusedException(
                        OrderRefusal.INSUFFICIENT_STOCK, "Only " + available + " left of option " + optionId + ".")
                .with("product_option_id", Long.toString(optionId))
                .with("requested_quantity", requested)
                .with("available_quantity", available);
    }

    static OrderRefusedException stockLimitExceeded(int maxStock, int available) {
        return new OrderRefusedException(
                        OrderRefusal.STOCK_LIMIT_EXCEEDED, "Stock of an option is at most " + maxStock + ".")
                .with("available_quantity", available);
    }

    static OrderRefusedException cartItemNotFound(long cartItemId) {
        return new OrderRefusedException(OrderRefusal.CART_ITEM_NOT_FOUND, "No item " + cartItemId + " in your cart.");
    }

    static OrderRefusedException batchTooLarge(int max) {
        return new OrderRefusedException(OrderRefusal.BATCH_TOO_LARGE, "At most " + max + " ids per request.");
    }
}
