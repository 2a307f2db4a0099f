package com.creatorcommerce.badfixture.wellshaped.domain;

/** A typed refusal, mapped to a problem code by the web adapter. */
public class OrderRefusedException extends RuntimeException {

    private final OrderRefusal refusal;

    public OrderRefusedException(OrderRefusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public OrderRefusal refusal() {
        return refusal;
    }
}
