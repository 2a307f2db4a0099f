package com.creatorcommerce.order.application.order;

import com.creatorcommerce.order.application.port.Orders;
import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.saga.SagaOps;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading orders: the owner's own (an admin's any), never revealing another user's order exists. */
@Service
public class OrderQueries {

    private final Orders orders;
    private final SagaOps sagas;

    OrderQueries(Orders orders, SagaOps sagas) {
        this.orders = orders;
        this.sagas = sagas;
    }

    /** @throws OrderRefusedException ORDER_NOT_FOUND when there is none, or it is another user's (not admin) */
    @Transactional(readOnly = true)
    public OrderView find(long orderId, long callerId, boolean admin) {
        return orders.find(orderId)
                .filter(o -> o.visibleTo(callerId, admin))
                .map(this::view)
                .orElseThrow(() -> notFound(orderId));
    }

    /** One page of a user's orders, newest first. */
    @Transactional(readOnly = true)
    public Page<OrderView> ofUser(long userId, int page, int pageSize) {
        List<OrderView> found = orders.ofUser(userId, Math.multiplyExact(page - 1, pageSize), pageSize).stream()
                .map(o -> new OrderView(o, null))
                .toList();
        return new Page<>(found, orders.countOfUser(userId), page, pageSize);
    }

    /** The order with the progress of its latest saga. */
    OrderView view(Order order) {
        Long sagaId = order.cancelSagaId() != null ? order.cancelSagaId() : order.checkoutSagaId();
        OrderView.SagaProgress progress = sagaId == null
                ? null
                : sagas.detail(sagaId)
                        .map(d -> new OrderView.SagaProgress(
                                d.saga().type(),
                                d.saga().status().name(),
                                d.saga().currentStep()))
                        .orElse(null);
        return new OrderView(order, progress);
    }

    static OrderRefusedException notFound(long orderId) {
        return new OrderRefusedException(OrderRefusal.ORDER_NOT_FOUND, "No order " + orderId + ".")
                .with("order_id", Long.toString(orderId));
    }
}
