package com.creatorcommerce.badfixture.wellshaped.application;

import com.creatorcommerce.badfixture.contracts.shop.BasketCheckedOut;
import com.creatorcommerce.badfixture.wellshaped.application.port.Orders;
import com.creatorcommerce.badfixture.wellshaped.domain.Order;
import com.creatorcommerce.badfixture.wellshaped.domain.OrderRefusal;
import com.creatorcommerce.badfixture.wellshaped.domain.OrderRefusedException;

/** A use case: domain rules, a port, a contract record out. */
public class PlaceOrderService {

    private final Orders orders;

    public PlaceOrderService(Orders orders) {
        this.orders = orders;
    }

    public BasketCheckedOut place(long id, long amount) {
        Order order = new Order(id, amount);
        orders.add(order);
        return new BasketCheckedOut(order.id(), order.amount());
    }

    public Order get(long id) {
        return orders.find(id).orElseThrow(() -> new OrderRefusedException(OrderRefusal.ORDER_NOT_FOUND, "No order"));
    }
}
