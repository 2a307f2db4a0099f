package com.creatorcommerce.order.adapter.out.persistence;

import static com.creatorcommerce.order.adapter.out.persistence.Columns.utc;

import com.creatorcommerce.order.application.port.StockStore;
import com.creatorcommerce.order.domain.stock.OptionStock;
import com.creatorcommerce.order.domain.stock.ReservationLine;
import com.creatorcommerce.order.domain.stock.ReservationStatus;
import com.creatorcommerce.order.domain.stock.StockReservation;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock rows and reservations in plain SQL that runs unchanged on MySQL 8 and MariaDB 10.11: {@code FOR UPDATE} and
 * {@code LOCK IN SHARE MODE} locking reads, conditional updates whose row count tells who won.
 */
@Repository
class JdbcStockStore implements StockStore {

    private final JdbcClient jdbc;

    JdbcStockStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StockReservation> findReservation(long orderId, Lock lock) {
        String suffix = switch (lock) {
            case NONE -> "";
            case SHARED -> " LOCK IN SHARE MODE";
            case EXCLUSIVE -> " FOR UPDATE";
        };
        Optional<StockReservation> header = jdbc.sql("SELECT stock_reservation_id, order_id, status, reason_code, "
                        + "reason_detail FROM stock_reservations WHERE order_id = ?" + suffix)
                .param(orderId)
                .query((rs, i) -> new StockReservation(
                        rs.getLong("stock_reservation_id"),
                        rs.getLong("order_id"),
                        ReservationStatus.valueOf(rs.getString("status")),
                        rs.getString("reason_code"),
                        rs.getString("reason_detail"),
                        List.of()))
                .optional();
        if (header.isEmpty()) {
            return header;
        }
        // same read mode as the header: a locking read sees the latest committed items, not the snapshot
        List<ReservationLine> items = jdbc.sql("SELECT product_option_id, quantity FROM stock_reservation_items "
                        + "WHERE order_id = ? ORDER BY product_option_id" + suffix)
                .param(orderId)
                .query((rs, i) -> new ReservationLine(rs.getLong("product_option_id"), rs.getInt("quantity")))
                .list();
        StockReservation h = header.get();
        return Optional.of(
                new StockReservation(h.id(), h.orderId(), h.status(), h.reasonCode(), h.reasonDetail(), items));
    }

    @Override
    public Map<Long, OptionStock> lockOptions(List<Long> ascendingOptionIds) {
        if (ascendingOptionIds.isEmpty()) {
            return Map.of();
        }
        // only the option rows are locked (a join would lock the product rows too and serialise unrelated options)
        record Locked(long optionId, long productId, int stock, boolean active) {}
        List<Locked> locked = jdbc.sql("SELECT product_option_id, product_id, stock_quantity, is_active "
                        + "FROM product_options WHERE product_option_id IN (:ids) "
                        + "ORDER BY product_option_id FOR UPDATE")
                .param("ids", ascendingOptionIds)
                .query((rs, i) -> new Locked(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4)))
                .list();
        if (locked.isEmpty()) {
            return Map.of();
        }
        Map<Long, Boolean> productActive = new HashMap<>();
        jdbc.sql("SELECT product_id, is_active FROM products WHERE product_id IN (:ids)")
                .param("ids", locked.stream().map(Locked::productId).distinct().toList())
                .query(rs -> {
                    productActive.put(rs.getLong(1), rs.getBoolean(2));
                });
        Map<Long, OptionStock> stock = new LinkedHashMap<>();
        for (Locked row : locked) {
            stock.put(
                    row.optionId(),
                    new OptionStock(
                            row.optionId(),
                            row.productId(),
                            row.stock(),
                            row.active(),
                            productActive.getOrDefault(row.productId(), false)));
        }
        return stock;
    }

    @Override
    public boolean insertReservation(
            long reservationId,
            long orderId,
            ReservationStatus status,
            String reasonCode,
            String reasonDetail,
            Instant now) {
        try {
            jdbc.sql("INSERT INTO stock_reservations (stock_reservation_id, order_id, status, reason_code, "
                            + "reason_detail, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(reservationId, orderId, status.name(), reasonCode, reasonDetail, utc(now), utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false; // uk_stock_reservations_order: the order's decision exists
        }
    }

    @Override
    public void insertItem(long itemId, long reservationId, long orderId, ReservationLine line, Instant now) {
        jdbc.sql("INSERT INTO stock_reservation_items (stock_reservation_item_id, stock_reservation_id, order_id, "
                        + "product_option_id, quantity, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(itemId, reservationId, orderId, line.productOptionId(), line.quantity(), utc(now))
                .update();
    }

    @Override
    public boolean take(long productOptionId, int quantity) {
        return jdbc.sql("UPDATE product_options SET stock_quantity = stock_quantity - ? "
                                + "WHERE product_option_id = ? AND stock_quantity >= ?")
                        .params(quantity, productOptionId, quantity)
                        .update()
                == 1;
    }

    @Override
    public void giveBack(long productOptionId, int quantity) {
        int rows = jdbc.sql("UPDATE product_options SET stock_quantity = stock_quantity + ? "
                        + "WHERE product_option_id = ?")
                .params(quantity, productOptionId)
                .update();
        if (rows != 1) {
            throw new IllegalStateException("option " + productOptionId + " vanished while releasing stock");
        }
    }

    @Override
    public boolean markReleased(long orderId, Instant now) {
        return jdbc.sql("UPDATE stock_reservations SET status = 'RELEASED', updated_at = ? "
                                + "WHERE order_id = ? AND status = 'RESERVED'")
                        .params(utc(now), orderId)
                        .update()
                == 1;
    }
}
