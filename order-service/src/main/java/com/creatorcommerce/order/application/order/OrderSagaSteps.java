package com.creatorcommerce.order.application.order;

import com.creatorcommerce.order.application.CartService;
import com.creatorcommerce.order.application.StockReservationService;
import com.creatorcommerce.order.application.port.Orders;
import com.creatorcommerce.order.domain.cart.CartLine;
import com.creatorcommerce.order.domain.order.CancelStatus;
import com.creatorcommerce.order.domain.order.FailureCode;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.order.domain.order.OrderItem;
import com.creatorcommerce.order.domain.order.OrderStatus;
import com.creatorcommerce.order.domain.stock.Rejection;
import com.creatorcommerce.order.domain.stock.ReservationLine;
import com.creatorcommerce.order.domain.stock.ReservationResult;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaReason;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the order sagas do in this service: stock, the order's end states, its events and the cart. Each method runs
 * inside the saga transition's transaction (the engine holds the saga's row lock), so an end state, its event and
 * the saga's own state commit together.
 */
@Service
public class OrderSagaSteps implements CheckoutSaga.Local, CancelSaga.Local {

    private static final Logger log = LoggerFactory.getLogger(OrderSagaSteps.class);

    private final Orders orders;
    private final StockReservationService stock;
    private final CartService carts;
    private final OrderEvents events;
    private final Clock clock;

    OrderSagaSteps(Orders orders, StockReservationService stock, CartService carts, OrderEvents events, Clock clock) {
        this.orders = orders;
        this.stock = stock;
        this.carts = carts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public FailureCode reserveStock(CheckoutData data) {
        ReservationResult result = stock.reserve(
                data.orderId(),
                data.lines().stream()
                        .map(l -> new ReservationLine(l.productOptionId(), l.quantity()))
                        .toList());
        if (result.reserved()) {
            return null;
        }
        return Rejection.INSUFFICIENT_STOCK.equals(result.reasonCode())
                ? FailureCode.OUT_OF_STOCK
                : FailureCode.PRODUCT_OPTION_UNAVAILABLE;
    }

    @Override
    public void releaseStock(long orderId) {
        stock.release(orderId);
    }

    @Override
    public void restoreStock(long orderId) {
        stock.release(orderId);
    }

    /** COMPLETED with the discount and the charge's outcome; the ordered lines leave the cart of a cart order. */
    @Override
    public void completed(CheckoutData data) {
        Order order = orders.lock(data.orderId()).orElseThrow();
        if (order.status() != OrderStatus.PENDING) {
            log.warn("Checkout of order {} completed, but the order is {}", order.id(), order.status());
            return;
        }
        Order done = order.complete(data.discountAmount(), data.paymentId(), data.pointsCharged(), now());
        orders.update(done);
        if (done.fromCart()) {
            clearOrderedLines(done);
        }
        events.completed(done);
    }

    @Override
    public void failed(CheckoutData data, SagaReason reason) {
        Order order = orders.lock(data.orderId()).orElseThrow();
        if (order.status() != OrderStatus.PENDING) {
            log.warn(
                    "Checkout of order {} compensated ({}), but the order is {}",
                    order.id(),
                    reason.code(),
                    order.status());
            return;
        }
        Order cancelled = order.fail(
                failureOf(reason.code()),
                reason.detail(),
                data.discountAmount(),
                data.paymentId(),
                data.pointsCharged(),
                now());
        orders.update(cancelled);
        events.cancelled(cancelled, false);
    }

    @Override
    public void cancelled(CancelData data) {
        Order order = orders.lock(data.orderId()).orElseThrow();
        if (order.status() != OrderStatus.COMPLETED) {
            // two cancellations finished (a parked one retried by an operator, and the customer's second request)
            log.info("Cancellation of order {} finished, but the order is {} already", order.id(), order.status());
            return;
        }
        Order cancelled =
                order.cancelled(data.byAdmin() ? FailureCode.CANCELLED_BY_ADMIN : FailureCode.CANCELLED_BY_USER, now());
        orders.update(cancelled);
        events.cancelled(cancelled, true);
    }

    @Override
    public void cancelFailed(CancelData data, SagaReason reason) {
        Order order = orders.lock(data.orderId()).orElseThrow();
        log.warn(
                "Cancellation of order {} did not finish ({}: {}); the order stays {}",
                order.id(),
                reason.code(),
                reason.detail(),
                order.status());
        if (order.status() == OrderStatus.COMPLETED && order.cancelStatus() == CancelStatus.IN_PROGRESS) {
            orders.update(order.cancelFailed(failureOf(reason.code()), reason.detail(), now()));
        }
    }

    /** A saga's reason code as the order shows it. */
    static FailureCode failureOf(String reasonCode) {
        if (SagaDefinition.DEADLINE_EXPIRED.equals(reasonCode)) {
            return FailureCode.TIMED_OUT;
        }
        if (SagaDefinition.COMPENSATED_BY_OPERATOR.equals(reasonCode)) {
            return FailureCode.CANCELLED_BY_OPERATOR;
        }
        return FailureCode.of(reasonCode);
    }

    private void clearOrderedLines(Order order) {
        Set<Long> ordered =
                order.items().stream().map(OrderItem::productOptionId).collect(Collectors.toSet());
        for (CartLine line : carts.cartOf(order.userId()).lines()) {
            if (ordered.contains(line.productOptionId())) {
                carts.remove(order.userId(), line.id());
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
