package com.creatorcommerce.badfixture.cycle.application;

import com.creatorcommerce.badfixture.cycle.application.port.Baskets;

/** Uses the port: application -> application.port. */
public class ShowBasket {

    private final Baskets baskets;

    public ShowBasket(Baskets baskets) {
        this.baskets = baskets;
    }

    public BasketView show(long id) {
        return baskets.find(id);
    }
}
