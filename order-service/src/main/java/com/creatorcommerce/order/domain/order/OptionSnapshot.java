package com.creatorcommerce.order.domain.order;

/**
 * A product option as the catalog shows it at the moment of ordering: what an order item copies (seed 004's
 * snapshot columns), and whether it can be ordered.
 *
 * @param unitPrice KRW: the product's base price plus the option's additional price
 * @param onSale the option and its product are both active
 */
public record OptionSnapshot(
        long productOptionId, String productName, String optionName, String sku, long unitPrice, boolean onSale) {}
