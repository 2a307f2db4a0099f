package com.creatorcommerce.badfixture.wellshaped.adapter.out.persistence;

import com.creatorcommerce.badfixture.wellshaped.application.port.Orders;
import com.creatorcommerce.badfixture.wellshaped.domain.Order;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A package-private adapter behind the port (a public nested type is fine: the class itself is not reachable). */
class InMemoryOrders implements Orders {

    private final Map<Long, Row> rows = new ConcurrentHashMap<>();

    /** A stored row. */
    public record Row(long id, long amount) {}

    @Override
    public Optional<Order> find(long id) {
        return Optional.ofNullable(rows.get(id)).map(r -> new Order(r.id(), r.amount()));
    }

    @Override
    public void add(Order order) {
        rows.put(order.id(), new Row(order.id(), order.amount()));
    }
}
