package com.creatorcommerce.order.adapter.out.persistence;

import static com.creatorcommerce.order.adapter.out.persistence.Columns.instant;
import static com.creatorcommerce.order.adapter.out.persistence.Columns.utc;

import com.creatorcommerce.order.application.port.CatalogStore;
import com.creatorcommerce.order.domain.catalog.OptionForSale;
import com.creatorcommerce.order.domain.catalog.Product;
import com.creatorcommerce.order.domain.catalog.ProductOption;
import com.creatorcommerce.order.domain.catalog.ProductSort;
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

@Repository
class JdbcCatalogStore implements CatalogStore {

    private static final String PRODUCT_COLUMNS = "product_id, product_name, description, base_price, view_count, "
            + "like_count, is_active, created_at, updated_at";
    private static final String OPTION_COLUMNS = "product_option_id, product_id, option_name, sku, additional_price, "
            + "stock_quantity, is_active, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcCatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertProduct(Product p) {
        jdbc.sql("INSERT INTO products (product_id, product_name, description, base_price, is_active, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id(),
                        p.productName(),
                        p.description(),
                        p.basePrice(),
                        p.active(),
                        utc(p.createdAt()),
                        utc(p.updatedAt()))
                .update();
    }

    @Override
    public boolean updateProduct(
            long productId, String productName, String description, long basePrice, boolean active, Instant now) {
        return jdbc.sql("UPDATE products SET product_name = ?, description = ?, base_price = ?, is_active = ?, "
                                + "updated_at = ? WHERE product_id = ?")
                        .params(productName, description, basePrice, active, utc(now), productId)
                        .update()
                == 1;
    }

    @Override
    public boolean deactivateProduct(long productId, Instant now) {
        return jdbc.sql("UPDATE products SET is_active = FALSE, updated_at = ? WHERE product_id = ?")
                        .params(utc(now), productId)
                        .update()
                == 1;
    }

    @Override
    public Optional<Product> findProduct(long productId) {
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " FROM products WHERE product_id = ?")
                .param(productId)
                .query(JdbcCatalogStore::product)
                .optional();
    }

    @Override
    public Optional<Boolean> productActive(long productId) {
        return jdbc.sql("SELECT is_active FROM products WHERE product_id = ?")
                .param(productId)
                .query((rs, i) -> rs.getBoolean(1))
                .optional();
    }

    @Override
    public Optional<Boolean> lockProduct(long productId) {
        return jdbc.sql("SELECT is_active FROM products WHERE product_id = ? FOR UPDATE")
                .param(productId)
                .query((rs, i) -> rs.getBoolean(1))
                .optional();
    }

    @Override
    public List<Product> findProducts(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " FROM products WHERE product_id IN (:ids)")
                .param("ids", productIds)
                .query(JdbcCatalogStore::product)
                .list();
    }

    @Override
    public long countProducts(boolean activeOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM products" + (activeOnly ? " WHERE is_active = TRUE" : ""))
                .query(Long.class)
                .single();
    }

    @Override
    public List<Product> pageOfProducts(boolean activeOnly, ProductSort sort, int offset, int limit) {
        String order = switch (sort) {
            case LATEST -> " ORDER BY created_at DESC, product_id DESC";
            case VIEW_COUNT -> " ORDER BY view_count DESC, created_at DESC, product_id DESC";
        };
        return jdbc.sql("SELECT " + PRODUCT_COLUMNS + " FROM products" + (activeOnly ? " WHERE is_active = TRUE" : "")
                        + order + " LIMIT ? OFFSET ?")
                .params(limit, offset)
                .query(JdbcCatalogStore::product)
                .list();
    }

    @Override
    public List<ProductOption> optionsOf(Collection<Long> productIds, boolean activeOnly) {
        if (productIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + OPTION_COLUMNS + " FROM product_options WHERE product_id IN (:ids)"
                        + (activeOnly ? " AND is_active = TRUE" : "") + " ORDER BY product_id, product_option_id")
                .param("ids", productIds)
                .query(JdbcCatalogStore::option)
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
                .query(JdbcCatalogStore::option)
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

    @Override
    public void addToLikeCount(long productId, int delta) {
        jdbc.sql("UPDATE products SET like_count = like_count + ? WHERE product_id = ? AND like_count + ? >= 0")
                .params(delta, productId, delta)
                .update();
    }

    static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getLong("product_id"),
                rs.getString("product_name"),
                rs.getString("description"),
                rs.getLong("base_price"),
                rs.getLong("view_count"),
                rs.getLong("like_count"),
                rs.getBoolean("is_active"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
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
