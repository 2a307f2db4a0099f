package com.creatorcommerce.order.application;

import com.creatorcommerce.platform.web.ApiException;

/** The problems this service answers with (stable codes; details never carry internal state). */
public final class Errors {

    private Errors() {
    }

    public static ApiException productNotFound(long productId) {
        return ApiException.notFound("PRODUCT_NOT_FOUND", "No product " + productId + " is on sale.")
                .with("product_id", Long.toString(productId));
    }

    public static ApiException optionNotFound(long optionId) {
        return ApiException.notFound("PRODUCT_OPTION_NOT_FOUND", "No product option " + optionId + ".")
                .with("product_option_id", Long.toString(optionId));
    }

    public static ApiException optionUnavailable(long optionId) {
        return ApiException.conflict("PRODUCT_OPTION_UNAVAILABLE",
                "Product option " + optionId + " is not on sale.").with("product_option_id", Long.toString(optionId));
    }

    public static ApiException duplicateSku(String sku) {
        return ApiException.conflict("DUPLICATE_SKU", "The SKU " + sku + " is already used.").with("sku", sku);
    }

    public static ApiException insufficientStock(long optionId, int requested, int available) {
        return ApiException.conflict("INSUFFICIENT_STOCK", "Only " + available + " left of option " + optionId + ".")
                .with("product_option_id", Long.toString(optionId))
                .with("requested_quantity", requested)
                .with("available_quantity", available);
    }

    public static ApiException cartItemNotFound(long cartItemId) {
        return ApiException.notFound("CART_ITEM_NOT_FOUND", "No item " + cartItemId + " in your cart.");
    }
}
