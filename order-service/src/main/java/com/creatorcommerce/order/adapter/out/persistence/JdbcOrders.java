package com.creatorcommerce.order.adapter.out.persistence;

import com.creatorcommerce.order.application.port.Orders;
import com.creatorcommerce.order.domain.order.CancelStatus;
import com.creatorcommerce.order.domain.order.FailureCode;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.order.domain.order.OrderCharge;
import com.creatorcommerce.order.domain.order.OrderItem;
import com.creatorcommerce.order.domain.order.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code orders} and {@code order_items} through explicit SQL, like the rest of this service (ADR 6). */
@Repository
class JdbcOrders implements Orders {

    private static final String ORDER_SELECT = "SELECT order_id, user_id, user_coupon_id, order_status, "
            + "discount_amount, charge_amount, points_charged, payment_id, from_cart, failure_code, failure_detail, "
            + "cancel_status, "
            + "checkout_saga_id, cancel_saga_id, idempotency_key, created_at, updated_at, completed_at, cancelled_at "
            + "FROM orders ";
    private static final String ITEM_SELECT = "SELECT order_item_id, order_id, product_option_id, product_name, "
            + "option_name, sku, price, quantity FROM order_items ";

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
                            utc(o.createdAt()),
                            utc(o.updatedAt()))
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
                    utc(o.createdAt()));
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
                        o.failure() == null ? null : o.failure().name(),
                        clip(o.failureReason(), 255),
                        clip(o.failureDetail(), 500),
                        o.cancelStatus() == null ? null : o.cancelStatus().name(),
                        utc(o.updatedAt()),
                        utc(o.completedAt()),
                        utc(o.cancelledAt()),
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
        List<Row> rows = jdbc.sql(ORDER_SELECT + "WHERE user_id = ? ORDER BY created_at DESC, order_id DESC "
                        + "LIMIT ? OFFSET ?")
                .params(userId, limit, offset)
                .query(JdbcOrders::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<OrderItem>> items = new LinkedHashMap<>();
        jdbc.sql(ITEM_SELECT + "WHERE order_id IN (:ids) ORDER BY order_item_id")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> Map.entry(rs.getLong("order_id"), item(rs)))
                .list()
                .forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return rows.stream()
                .map(r -> r.order(items.getOrDefault(r.id(), List.of())))
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
        Optional<Row> row = jdbc.sql(sql).params(params).query(JdbcOrders::row).optional();
        return row.map(r -> r.order(jdbc.sql(ITEM_SELECT + "WHERE order_id = ? ORDER BY order_item_id")
                .param(r.id())
                .query((rs, n) -> item(rs))
                .list()));
    }

    /** An order row before its items are read. */
    private record Row(
            long id,
            long userId,
            Long userCouponId,
            OrderStatus status,
            long discountAmount,
            Long chargeAmount,
            boolean pointsCharged,
            Long paymentId,
            boolean fromCart,
            FailureCode failure,
            String failureDetail,
            CancelStatus cancelStatus,
            Long checkoutSagaId,
            Long cancelSagaId,
            String idempotencyKey,
            Instant createdAt,
            Instant updatedAt,
            Instant completedAt,
            Instant cancelledAt) {

        Order order(List<OrderItem> items) {
            OrderCharge charge = chargeAmount == null ? null : new OrderCharge(chargeAmount, pointsCharged, paymentId);
            return new Order(
                    id,
                    userId,
                    status,
                    items,
                    discountAmount,
                    userCouponId,
                    charge,
                    fromCart,
                    failure,
                    cancelStatus,
                    checkoutSagaId,
                    cancelSagaId,
                    idempotencyKey,
                    createdAt,
                    updatedAt,
                    completedAt,
                    cancelledAt,
                    failureDetail);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String failure = rs.getString("failure_code");
        String cancel = rs.getString("cancel_status");
        return new Row(
                rs.getLong("order_id"),
                rs.getLong("user_id"),
                nullableLong(rs, "user_coupon_id"),
                OrderStatus.valueOf(rs.getString("order_status")),
                rs.getLong("discount_amount"),
                nullableLong(rs, "charge_amount"),
                rs.getBoolean("points_charged"),
                nullableLong(rs, "payment_id"),
                rs.getBoolean("from_cart"),
                failure == null ? null : FailureCode.of(failure),
                rs.getString("failure_detail"),
                cancel == null ? null : CancelStatus.valueOf(cancel),
                nullableLong(rs, "checkout_saga_id"),
                nullableLong(rs, "cancel_saga_id"),
                rs.getString("idempotency_key"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "completed_at"),
                instant(rs, "cancelled_at"));
    }

    private static OrderItem item(ResultSet rs) throws SQLException {
        return new OrderItem(
                rs.getLong("order_item_id"),
                rs.getLong("product_option_id"),
                rs.getString("product_name"),
                rs.getString("option_name"),
                rs.getString("sku"),
                rs.getLong("price"),
                rs.getInt("quantity"));
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
