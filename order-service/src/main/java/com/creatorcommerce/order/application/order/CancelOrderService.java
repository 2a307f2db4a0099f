package com.creatorcommerce.order.application.order;

import com.creatorcommerce.order.application.port.Orders;
import com.creatorcommerce.order.domain.OrderRefusedException;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaEngine;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelling a COMPLETED order (its owner or an admin): under the order's row lock, the cancellation is recorded
 * (a second one is refused while it runs) and the order-cancel saga starts in the same transaction.
 */
@Service
public class CancelOrderService {

    private final Orders orders;
    private final OrderQueries queries;
    private final SagaEngine sagas;
    private final SagaDefinition<CancelData> cancel;
    private final Clock clock;

    CancelOrderService(
            Orders orders, OrderQueries queries, SagaEngine sagas, SagaDefinition<CancelData> cancel, Clock clock) {
        this.orders = orders;
        this.queries = queries;
        this.sagas = sagas;
        this.cancel = cancel;
        this.clock = clock;
    }

    /**
     * @throws OrderRefusedException ORDER_NOT_FOUND (none, or another user's for a non-admin),
     *     ORDER_NOT_CANCELLABLE (not COMPLETED), ORDER_CANCEL_IN_PROGRESS
     */
    @Transactional
    public OrderView cancel(long orderId, long callerId, boolean admin) {
        Order order = orders.lock(orderId)
                .filter(o -> o.visibleTo(callerId, admin))
                .orElseThrow(() -> OrderQueries.notFound(orderId));
        Order requested = order.requestCancel(clock.instant().truncatedTo(ChronoUnit.MICROS));
        orders.update(requested);
        long sagaId = sagas.start(
                cancel,
                new CancelData(
                        order.id(),
                        order.userId(),
                        order.finalAmount(),
                        order.userCouponId(),
                        callerId != order.userId()));
        orders.attachCancelSaga(orderId, sagaId);
        return queries.view(orders.find(orderId).orElseThrow());
    }
}
