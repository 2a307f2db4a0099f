package com.creatorcommerce.order.adapter.out.persistence;

import static com.creatorcommerce.order.adapter.out.persistence.Columns.instant;
import static com.creatorcommerce.order.adapter.out.persistence.Columns.utc;

import com.creatorcommerce.order.application.port.CartStore;
import com.creatorcommerce.order.domain.cart.CartLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCartStore implements CartStore {

    /** A cart line joined with its option and product as they are now. */
    private static final String LINE_SELECT = "SELECT c.cart_item_id, c.user_id, c.product_option_id, c.quantity, "
            + "c.saved_price, c.created_at, c.updated_at, o.product_id, o.option_name, o.sku, o.stock_quantity, "
            + "o.is_active AS option_active, p.product_name, p.is_active AS product_active, "
            + "p.base_price + o.additional_price AS current_price "
            + "FROM cart_items c "
            + "JOIN product_options o ON o.product_option_id = c.product_option_id "
            + "JOIN products p ON p.product_id = o.product_id ";

    private final JdbcClient jdbc;

    JdbcCartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addOrMerge(
            long newLineId, long userId, long productOptionId, int quantity, long unitPrice, Instant now) {
        jdbc.sql("INSERT INTO cart_items (cart_item_id, user_id, product_option_id, quantity, saved_price, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE quantity = quantity + ?, saved_price = ?, updated_at = ?")
                .params(
                        newLineId,
                        userId,
                        productOptionId,
                        quantity,
                        unitPrice,
                        utc(now),
                        utc(now),
                        quantity,
                        unitPrice,
                        utc(now))
                .update();
    }

    @Override
    public Optional<CartLine> findByOption(long userId, long productOptionId) {
        return jdbc.sql(LINE_SELECT + "WHERE c.user_id = ? AND c.product_option_id = ?")
                .params(userId, productOptionId)
                .query(JdbcCartStore::line)
                .optional();
    }

    @Override
    public Optional<CartLine> findById(long userId, long cartItemId) {
        return jdbc.sql(LINE_SELECT + "WHERE c.cart_item_id = ? AND c.user_id = ?")
                .params(cartItemId, userId)
                .query(JdbcCartStore::line)
                .optional();
    }

    @Override
    public List<CartLine> linesOf(long userId) {
        return jdbc.sql(LINE_SELECT + "WHERE c.user_id = ? ORDER BY c.created_at DESC, c.cart_item_id DESC")
                .param(userId)
                .query(JdbcCartStore::line)
                .list();
    }

    @Override
    public int countLines(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM cart_items WHERE user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    @Override
    public boolean updateQuantity(long userId, long cartItemId, int quantity, Instant now) {
        return jdbc.sql("UPDATE cart_items SET quantity = ?, updated_at = ? WHERE cart_item_id = ? AND user_id = ?")
                        .params(quantity, utc(now), cartItemId, userId)
                        .update()
                == 1;
    }

    @Override
    public boolean delete(long userId, long cartItemId) {
        return jdbc.sql("DELETE FROM cart_items WHERE cart_item_id = ? AND user_id = ?")
                        .params(cartItemId, userId)
                        .update()
                == 1;
    }

    private static CartLine line(ResultSet rs, int row) throws SQLException {
        return new CartLine(
                rs.getLong("cart_item_id"),
                rs.getLong("user_id"),
                rs.getLong("product_id"),
                rs.getString("product_name"),
                rs.getLong("product_option_id"),
                rs.getString("option_name"),
                rs.getString("sku"),
                rs.getInt("quantity"),
                rs.getLong("saved_price"),
                rs.getLong("current_price"),
                rs.getBoolean("product_active"),
                rs.getBoolean("option_active"),
                rs.getInt("stock_quantity"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
