package com.creatorcommerce.order.application.port;

import com.creatorcommerce.order.domain.order.Order;
import java.util.List;
import java.util.Optional;

/** Orders with their items ({@code orders}, {@code order_items}). */
public interface Orders {

    /**
     * Stores a new order and its items; false (and nothing stored) when the user already has an order placed with
     * the same idempotency key (also by a concurrent request).
     */
    boolean add(Order order);

    Optional<Order> find(long orderId);

    /** The order, its row locked exclusively until the end of the transaction. */
    Optional<Order> lock(long orderId);

    Optional<Order> findByIdempotencyKey(long userId, String idempotencyKey);

    /** Writes what a transition changes (status, amounts, charge, failure, cancellation, times); items never change. */
    void update(Order order);

    void attachCheckoutSaga(long orderId, long sagaId);

    void attachCancelSaga(long orderId, long sagaId);

    /** The user's orders, newest first, with their items. */
    List<Order> ofUser(long userId, int offset, int limit);

    long countOfUser(long userId);
}
