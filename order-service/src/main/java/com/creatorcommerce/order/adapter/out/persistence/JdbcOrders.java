package com.creatorcommerce.order.adapter.out.persistence;

import static com.creatorcommerce.order.adapter.out.persistence.Columns.utc;
import static com.creatorcommerce.order.adapter.out.persistence.OrderRows.ITEM_SELECT;
import static com.creatorcommerce.order.adapter.out.persistence.OrderRows.ORDER_SELECT;
import static com.creatorcommerce.order.adapter.out.persistence.OrderRows.item;

import com.creatorcommerce.order.application.port.Orders;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.order.domain.order.OrderItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code orders} and {@code order_items} through explicit SQL, like the rest of this service (ADR 6); rows read into
 * orders by {@link OrderRows}.
 */
@Repository
class JdbcOrders implements Orders {

    private final JdbcClient jdbc;

    JdbcOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Order o) {
        try {
            jdbc.sql(
                            "INSERT INTO orders (order_id, user_id, user_coupon_id, order_status, total_amount, "
                                    + "discount_amount, final_amount, charge_amount, points_charged, payment_id, from_cart, "
                                    + "idempotency_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            o.id(),
                            o.userId(),
                            o.userCouponId(),
                            o.status().name(),
                            o.totalAmount(),
                            o.discountAmount(),
                            o.finalAmount(),
                            o.charge() == null ? null : o.charge().amount(),
                            o.pointsCharged(),
                            o.charge() == null ? null : o.charge().paymentId(),
                            o.fromCart(),
                            o.idempotencyKey(),
                            utc(o.times().createdAt()),
                            utc(o.times().updatedAt()))
                    .update();
        } catch (DuplicateKeyException sameIdempotencyKey) {
            return false;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO order_items (order_item_id, order_id, product_option_id, "
                + "product_name, option_name, sku, price, quantity, subtotal, created_at) VALUES ");
        List<Object> params = new ArrayList<>();
        for (OrderItem item : o.items()) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            Collections.addAll(
                    params,
                    item.id(),
                    o.id(),
                    item.productOptionId(),
                    item.productName(),
                    item.optionName(),
                    item.sku(),
                    item.price(),
                    item.quantity(),
                    item.subtotal(),
                    utc(o.times().createdAt()));
        }
        jdbc.sql(sql.toString()).params(params).update();
        return true;
    }

    @Override
    public Optional<Order> find(long orderId) {
        return one(ORDER_SELECT + "WHERE order_id = ?", orderId);
    }

    @Override
    public Optional<Order> lock(long orderId) {
        return one(ORDER_SELECT + "WHERE order_id = ? FOR UPDATE", orderId);
    }

    @Override
    public Optional<Order> findByIdempotencyKey(long userId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return one(ORDER_SELECT + "WHERE user_id = ? AND idempotency_key = ?", userId, idempotencyKey);
    }

    @Override
    public void update(Order o) {
        int updated = jdbc.sql("UPDATE orders SET order_status = ?, discount_amount = ?, final_amount = ?, "
                        + "points_charged = ?, payment_id = ?, failure_code = ?, failure_reason = ?, failure_detail = ?, "
                        + "cancel_status = ?, "
                        + "updated_at = ?, completed_at = ?, cancelled_at = ? WHERE order_id = ?")
                .params(
                        o.status().name(),
                        o.discountAmount(),
                        o.finalAmount(),
                        o.pointsCharged(),
                        o.charge() == null ? null : o.charge().paymentId(),
                        o.failure() == null ? null : o.failure().code().name(),
                        clip(o.failureReason(), 255),
                        clip(o.failure() == null ? null : o.failure().detail(), 500),
                        o.cancelStatus() == null ? null : o.cancelStatus().name(),
                        utc(o.times().updatedAt()),
                        utc(o.times().completedAt()),
                        utc(o.times().cancelledAt()),
                        o.id())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("order " + o.id() + " vanished");
        }
    }

    @Override
    public void attachCheckoutSaga(long orderId, long sagaId) {
        jdbc.sql("UPDATE orders SET checkout_saga_id = ? WHERE order_id = ?")
                .params(sagaId, orderId)
                .update();
    }

    @Override
    public void attachCancelSaga(long orderId, long sagaId) {
        jdbc.sql("UPDATE orders SET cancel_saga_id = ? WHERE order_id = ?")
                .params(sagaId, orderId)
                .update();
    }

    @Override
    public List<Order> ofUser(long userId, int offset, int limit) {
        List<OrderRows.Head> rows = jdbc.sql(ORDER_SELECT + "WHERE user_id = ? ORDER BY created_at DESC, order_id DESC "
                        + "LIMIT ? OFFSET ?")
                .params(userId, limit, offset)
                .query(OrderRows::head)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<OrderItem>> items = new LinkedHashMap<>();
        jdbc.sql(ITEM_SELECT + "WHERE order_id IN (:ids) ORDER BY order_item_id")
                .param("ids", rows.stream().map(OrderRows.Head::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong("order_id"), item(rs)))
                .list()
                .forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return rows.stream()
                .map(r -> r.order().apply(items.getOrDefault(r.id(), List.of())))
                .toList();
    }

    @Override
    public long countOfUser(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }

    private Optional<Order> one(String sql, Object... params) {
        Optional<OrderRows.Head> row =
                jdbc.sql(sql).params(params).query(OrderRows::head).optional();
        return row.map(r -> r.order()
                .apply(jdbc.sql(ITEM_SELECT + "WHERE order_id = ? ORDER BY order_item_id")
                        .param(r.id())
                        .query((rs, n) -> item(rs))
                        .list()));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
