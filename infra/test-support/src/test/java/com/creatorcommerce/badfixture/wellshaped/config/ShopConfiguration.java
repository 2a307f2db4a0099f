package com.creatorcommerce.badfixture.wellshaped.config;

import com.creatorcommerce.badfixture.wellshaped.application.PlaceOrderService;
import com.creatorcommerce.badfixture.wellshaped.application.port.Orders;

/** Wiring: config may see the application (never the reverse). */
public class ShopConfiguration {

    public PlaceOrderService placeOrders(Orders orders) {
        return new PlaceOrderService(orders);
    }
}
