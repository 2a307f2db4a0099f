package com.creatorcommerce.badfixture.platform.outbox;

import com.creatorcommerce.badfixture.wellshaped.domain.Order;

/** Breaks "the platform uses no service's code": a library that knows a service's aggregate. */
public class BasketRelay {

    public String key(Order order) {
        return Long.toString(order.id());
    }
}
