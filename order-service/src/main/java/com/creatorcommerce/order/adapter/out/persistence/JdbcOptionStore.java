package com.creatorcommerce.order.adapter.out.persistence;

import static com.creatorcommerce.order.adapter.out.persistence.Columns.instant;
import static com.creatorcommerce.order.adapter.out.persistence.Columns.utc;

import com.creatorcommerce.order.application.port.OptionStore;
import com.creatorcommerce.order.domain.catalog.OptionForSale;
import com.creatorcommerce.order.domain.catalog.ProductOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code product_options} and {@code stock_adjustments} through explicit SQL (ADR 6). */
@Repository
class JdbcOptionStore implements OptionStore {

    private static final String OPTION_COLUMNS = "product_option_id, product_id, option_name, sku, additional_price, "
            + "stock_quantity, is_active, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcOptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ProductOption> optionsOf(Collection<Long> productIds, boolean activeOnly) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + OPTION_COLUMNS + " FROM product_options WHERE product_id IN (:ids)"
                        + (activeOnly ? " AND is_active = TRUE" : "") + " ORDER BY product_id, product_option_id")
                .param("ids", productIds)
                .query(JdbcOptionStore::option)
                .list();
    }

    @Override
    public boolean insertOption(ProductOption o) {
        try {
            jdbc.sql("INSERT INTO product_options (product_option_id, product_id, option_name, sku, additional_price, "
                            + "stock_quantity, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            o.id(),
                            o.productId(),
                            o.optionName(),
                            o.sku(),
                            o.additionalPrice(),
                            o.stockQuantity(),
                            o.active(),
                            utc(o.createdAt()),
                            utc(o.updatedAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false; // uk_product_options_sku: the only unique key a fresh Snowflake id can hit
        }
    }

    @Override
    public OptionUpdate updateOption(
            long productId,
            long optionId,
            String optionName,
            String sku,
            long additionalPrice,
            boolean active,
            Instant now) {
        try {
            int rows = jdbc.sql("UPDATE product_options SET option_name = ?, sku = ?, additional_price = ?, "
                            + "is_active = ?, updated_at = ? WHERE product_option_id = ? AND product_id = ?")
                    .params(optionName, sku, additionalPrice, active, utc(now), optionId, productId)
                    .update();
            return rows == 1 ? OptionUpdate.UPDATED : OptionUpdate.NOT_FOUND;
        } catch (DuplicateKeyException e) {
            return OptionUpdate.DUPLICATE_SKU;
        }
    }

    @Override
    public boolean deactivateOption(long productId, long optionId, Instant now) {
        return jdbc.sql("UPDATE product_options SET is_active = FALSE, updated_at = ? "
                                + "WHERE product_option_id = ? AND product_id = ?")
                        .params(utc(now), optionId, productId)
                        .update()
                == 1;
    }

    @Override
    public Optional<ProductOption> findOption(long productId, long optionId) {
        return jdbc.sql("SELECT " + OPTION_COLUMNS + " FROM product_options WHERE product_option_id = ? "
                        + "AND product_id = ?")
                .params(optionId, productId)
                .query(JdbcOptionStore::option)
                .optional();
    }

    @Override
    public Optional<OptionForSale> findOptionForSale(long optionId) {
        return jdbc.sql("SELECT o.product_option_id, o.product_id, p.base_price + o.additional_price AS unit_price, "
                        + "o.stock_quantity, o.is_active AS option_active, p.is_active AS product_active "
                        + "FROM product_options o JOIN products p ON p.product_id = o.product_id "
                        + "WHERE o.product_option_id = ?")
                .param(optionId)
                .query((rs, i) -> new OptionForSale(
                        rs.getLong("product_option_id"),
                        rs.getLong("product_id"),
                        rs.getLong("unit_price"),
                        rs.getInt("stock_quantity"),
                        rs.getBoolean("option_active"),
                        rs.getBoolean("product_active")))
                .optional();
    }

    @Override
    public Set<String> existingSkus(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT sku FROM product_options WHERE sku IN (:skus)")
                .param("skus", skus)
                .query(String.class)
                .list());
    }

    @Override
    public boolean adjustStock(long productId, long optionId, int delta, int max) {
        return jdbc.sql("UPDATE product_options SET stock_quantity = stock_quantity + ? "
                                + "WHERE product_option_id = ? AND product_id = ? "
                                + "AND stock_quantity + ? >= 0 AND stock_quantity + ? <= ?")
                        .params(delta, optionId, productId, delta, delta, max)
                        .update()
                == 1;
    }

    @Override
    public void recordAdjustment(
            long adjustmentId, long optionId, int delta, int stockAfter, String reason, Long adjustedBy, Instant now) {
        jdbc.sql("INSERT INTO stock_adjustments (stock_adjustment_id, product_option_id, delta, stock_after, reason, "
                        + "adjusted_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(adjustmentId, optionId, delta, stockAfter, reason, adjustedBy, utc(now))
                .update();
    }

    static ProductOption option(ResultSet rs, int row) throws SQLException {
        return new ProductOption(
                rs.getLong("product_option_id"),
                rs.getLong("product_id"),
                rs.getString("option_name"),
                rs.getString("sku"),
                rs.getLong("additional_price"),
                rs.getInt("stock_quantity"),
                rs.getBoolean("is_active"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
