package com.creatorcommerce.order.application.order;

import com.creatorcommerce.order.application.CartService;
import com.creatorcommerce.order.application.port.OrderCatalog;
import com.creatorcommerce.order.application.port.Orders;
import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import com.creatorcommerce.order.domain.order.ChargePolicy;
import com.creatorcommerce.order.domain.order.OptionSnapshot;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.order.domain.order.OrderItem;
import com.creatorcommerce.order.domain.order.OrderLine;
import com.creatorcommerce.order.domain.order.OrderLines;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaEngine;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing an order: in one transaction the order (PENDING, with its items as a snapshot of the catalog), its
 * {@code order.created.v1} event and the start of its charge-then-order saga, whose first step reserves the stock
 * right there. When the stock is refused the saga ends at once and the order is already CANCELLED (OUT_OF_STOCK)
 * when this returns; otherwise the saga's first command goes out once this commits. Everything checkable here is
 * refused before anything is written; what only the participants know (the coupon, the wallet, the payment) ends
 * the order CANCELLED with a reason.
 */
@Service
public class PlaceOrderService {

    private final Orders orders;
    private final OrderCatalog catalog;
    private final CartService carts;
    private final OrderEvents events;
    private final OrderQueries queries;
    private final SagaEngine sagas;
    private final SagaDefinition<CheckoutData> checkout;
    private final ChargePolicy charges;
    private final IdGenerator ids;
    private final Clock clock;

    PlaceOrderService(
            Orders orders,
            OrderCatalog catalog,
            CartService carts,
            OrderEvents events,
            OrderQueries queries,
            SagaEngine sagas,
            SagaDefinition<CheckoutData> checkout,
            ChargePolicy charges,
            IdGenerator ids,
            Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.carts = carts;
        this.events = events;
        this.queries = queries;
        this.sagas = sagas;
        this.checkout = checkout;
        this.charges = charges;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @return the order placed now, or the one this user already placed with the same idempotency key
     * @throws OrderRefusedException for a request that cannot be ordered (nothing is written)
     */
    @Transactional
    public OrderView place(PlaceOrder request) {
        Optional<Order> placed = orders.findByIdempotencyKey(request.userId(), request.idempotencyKey());
        if (placed.isPresent()) {
            return queries.view(placed.get());
        }
        List<OrderLine> lines = OrderLines.normalise(linesOf(request));
        if (request.charge() != null) {
            charges.check(request.charge().amount(), request.charge().paymentKey());
        }
        Map<Long, OptionSnapshot> options =
                catalog.snapshots(lines.stream().map(OrderLine::productOptionId).toList());
        List<OrderItem> items = lines.stream()
                .map(line -> {
                    OptionSnapshot option = options.get(line.productOptionId());
                    if (option == null) {
                        throw new OrderRefusedException(
                                        OrderRefusal.PRODUCT_OPTION_NOT_FOUND,
                                        "No product option " + line.productOptionId() + ".")
                                .with("product_option_id", Long.toString(line.productOptionId()));
                    }
                    return OrderItem.snapshot(ids.nextId(), option, line.quantity());
                })
                .toList();
        Order order = Order.place(
                ids.nextId(),
                request.userId(),
                items,
                request.userCouponId(),
                request.charge() == null ? null : request.charge().amount(),
                request.fromCart(),
                request.idempotencyKey(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!orders.add(order)) {
            throw new OrderRefusedException(
                    OrderRefusal.ORDER_IN_PROGRESS, "An order with this Idempotency-Key is being placed right now.");
        }
        events.created(order);
        long sagaId = sagas.start(
                checkout,
                CheckoutData.of(
                        order,
                        request.charge() == null ? null : request.charge().paymentKey()));
        orders.attachCheckoutSaga(order.id(), sagaId);
        return queries.view(orders.find(order.id()).orElseThrow());
    }

    private List<OrderLine> linesOf(PlaceOrder request) {
        boolean hasItems = request.items() != null && !request.items().isEmpty();
        if (hasItems && request.fromCart()) {
            throw new OrderRefusedException(
                    OrderRefusal.ITEMS_AND_CART, "Order either the items given or the cart, not both.");
        }
        if (!request.fromCart()) {
            return request.items();
        }
        List<OrderLine> cart = carts.cartOf(request.userId()).lines().stream()
                .map(line -> new OrderLine(line.productOptionId(), line.quantity()))
                .toList();
        if (cart.isEmpty()) {
            throw new OrderRefusedException(OrderRefusal.EMPTY_ORDER, "Your cart is empty.");
        }
        return cart;
    }
}
