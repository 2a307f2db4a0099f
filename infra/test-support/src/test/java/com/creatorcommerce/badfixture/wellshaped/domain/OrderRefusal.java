package com.creatorcommerce.badfixture.wellshaped.domain;

/** Why an order is refused; the names are the problem codes. */
public enum OrderRefusal {
    AMOUNT_NOT_POSITIVE,
    ORDER_NOT_FOUND
}
