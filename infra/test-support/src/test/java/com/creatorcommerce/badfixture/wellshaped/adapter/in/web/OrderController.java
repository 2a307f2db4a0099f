package com.creatorcommerce.badfixture.wellshaped.adapter.in.web;

import com.creatorcommerce.badfixture.platform.web.ApiException;
import com.creatorcommerce.badfixture.wellshaped.application.PlaceOrderService;
import com.creatorcommerce.badfixture.wellshaped.domain.OrderRefusedException;

/** The web adapter maps the typed refusal to its problem code. */
class OrderController {

    private final PlaceOrderService orders;

    OrderController(PlaceOrderService orders) {
        this.orders = orders;
    }

    long amount(long id) {
        try {
            return orders.get(id).amount();
        } catch (OrderRefusedException e) {
            throw new ApiException(e.refusal().name());
        }
    }
}
