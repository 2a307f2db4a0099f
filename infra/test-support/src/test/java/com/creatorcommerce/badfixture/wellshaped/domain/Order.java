package com.creatorcommerce.badfixture.wellshaped.domain;

/** The control fixture's aggregate: plain Java. */
public class Order {

    private final long id;
    private final long amount;

    public Order(long id, long amount) {
        if (amount <= 0) {
            throw new OrderRefusedException(OrderRefusal.AMOUNT_NOT_POSITIVE, "An order amount is positive");
        }
        this.id = id;
        this.amount = amount;
    }

    public long id() {
        return id;
    }

    public long amount() {
        return amount;
    }
}
