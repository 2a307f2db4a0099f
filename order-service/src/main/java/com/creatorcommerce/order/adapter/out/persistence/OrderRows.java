package com.creatorcommerce.order.adapter.out.persistence;

import static com.creatorcommerce.order.adapter.out.persistence.Columns.instant;
import static com.creatorcommerce.order.adapter.out.persistence.Columns.nullableLong;

import com.creatorcommerce.order.domain.order.CancelStatus;
import com.creatorcommerce.order.domain.order.FailureCode;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.order.domain.order.OrderCharge;
import com.creatorcommerce.order.domain.order.OrderFailure;
import com.creatorcommerce.order.domain.order.OrderItem;
import com.creatorcommerce.order.domain.order.OrderStatus;
import com.creatorcommerce.order.domain.order.OrderTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** How an order reads from its {@code orders} row and its {@code order_items} rows. */
final class OrderRows {

    static final String ORDER_SELECT = "SELECT order_id, user_id, user_coupon_id, order_status, "
            + "discount_amount, charge_amount, points_charged, payment_id, from_cart, failure_code, failure_detail, "
            + "cancel_status, "
            + "checkout_saga_id, cancel_saga_id, idempotency_key, created_at, updated_at, completed_at, cancelled_at "
            + "FROM orders ";
    static final String ITEM_SELECT = "SELECT order_item_id, order_id, product_option_id, product_name, "
            + "option_name, sku, price, quantity FROM order_items ";

    private OrderRows() {}

    /** An order row before its items are read: its id, and the order it makes with them. */
    record Head(long id, Function<List<OrderItem>, Order> order) {}

    static Head head(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("order_id");
        long userId = rs.getLong("user_id");
        OrderStatus status = OrderStatus.valueOf(rs.getString("order_status"));
        long discount = rs.getLong("discount_amount");
        Long couponId = nullableLong(rs, "user_coupon_id");
        Long chargeAmount = nullableLong(rs, "charge_amount");
        OrderCharge charge = chargeAmount == null
                ? null
                : new OrderCharge(chargeAmount, rs.getBoolean("points_charged"), nullableLong(rs, "payment_id"));
        boolean fromCart = rs.getBoolean("from_cart");
        String code = rs.getString("failure_code");
        OrderFailure failure =
                code == null ? null : new OrderFailure(FailureCode.of(code), rs.getString("failure_detail"));
        String cancel = rs.getString("cancel_status");
        CancelStatus cancelStatus = cancel == null ? null : CancelStatus.valueOf(cancel);
        Long checkoutSaga = nullableLong(rs, "checkout_saga_id");
        Long cancelSaga = nullableLong(rs, "cancel_saga_id");
        String key = rs.getString("idempotency_key");
        OrderTimes times = new OrderTimes(
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "completed_at"),
                instant(rs, "cancelled_at"));
        return new Head(
                id,
                items -> new Order(
                        id,
                        userId,
                        status,
                        items,
                        discount,
                        couponId,
                        charge,
                        fromCart,
                        failure,
                        cancelStatus,
                        checkoutSaga,
                        cancelSaga,
                        key,
                        times));
    }

    static OrderItem item(ResultSet rs) throws SQLException {
        return new OrderItem(
                rs.getLong("order_item_id"),
                rs.getLong("product_option_id"),
                rs.getString("product_name"),
                rs.getString("option_name"),
                rs.getString("sku"),
                rs.getLong("price"),
                rs.getInt("quantity"));
    }
}
