package com.creatorcommerce.order.adapter.out.persistence;

import static com.creatorcommerce.order.adapter.out.persistence.Columns.instant;
import static com.creatorcommerce.order.adapter.out.persistence.Columns.utc;

import com.creatorcommerce.order.application.port.ProductStore;
import com.creatorcommerce.order.domain.catalog.Product;
import com.creatorcommerce.order.domain.catalog.ProductSort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code products} through explicit SQL (ADR 6). */
@Repository
class JdbcProductStore implements ProductStore {

    private static final String PRODUCT_COLUMNS = "product_id, product_name, description, base_price, view_count, "
            + "like_count, is_active, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcProductStore(JdbcClient jdbc) {
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
                .query(JdbcProductStore::product)
                .optional();
    }

    @Override
    public Optional<Boolean> productActive(long productId) {
        return active(productId, "");
    }

    @Override
    public Optional<Boolean> lockProduct(long productId) {
        return active(productId, " FOR UPDATE");
    }

    private Optional<Boolean> active(long productId, String lock) {
        return jdbc.sql("SELECT is_active FROM products WHERE product_id = ?" + lock)
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
                .query(JdbcProductStore::product)
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
                .query(JdbcProductStore::product)
                .list();
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
}
