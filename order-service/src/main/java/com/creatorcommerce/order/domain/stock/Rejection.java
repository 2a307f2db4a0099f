package com.creatorcommerce.order.domain.stock;

/** Why a reservation was refused: a stable code, the first option at fault and a readable detail. */
public record Rejection(String code, long productOptionId, String detail) {

    public static final String OPTION_NOT_FOUND = "PRODUCT_OPTION_NOT_FOUND";
    public static final String OPTION_UNAVAILABLE = "PRODUCT_OPTION_UNAVAILABLE";
    public static final String INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK";
    /** A release for the order came first: the order is over, nothing may be taken for it any more. */
    public static final String ALREADY_RELEASED = "ALREADY_RELEASED";
}
