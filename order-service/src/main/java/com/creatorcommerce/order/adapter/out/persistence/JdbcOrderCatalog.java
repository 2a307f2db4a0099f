package com.creatorcommerce.order.adapter.out.persistence;

import com.creatorcommerce.order.application.port.OrderCatalog;
import com.creatorcommerce.order.domain.order.OptionSnapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The options an order copies, read in one query (a consistent read: stock is decided by the reservation). */
@Repository
class JdbcOrderCatalog implements OrderCatalog {

    private final JdbcClient jdbc;

    JdbcOrderCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, OptionSnapshot> snapshots(Collection<Long> productOptionIds) {
        Map<Long, OptionSnapshot> found = new LinkedHashMap<>();
        if (productOptionIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT o.product_option_id, p.product_name, o.option_name, o.sku, "
                        + "p.base_price + o.additional_price AS unit_price, o.is_active AND p.is_active AS on_sale "
                        + "FROM product_options o JOIN products p ON p.product_id = o.product_id "
                        + "WHERE o.product_option_id IN (:ids)")
                .param("ids", productOptionIds)
                .query((rs, n) -> new OptionSnapshot(
                        rs.getLong("product_option_id"),
                        rs.getString("product_name"),
                        rs.getString("option_name"),
                        rs.getString("sku"),
                        rs.getLong("unit_price"),
                        rs.getBoolean("on_sale")))
                .list()
                .forEach(option -> found.put(option.productOptionId(), option));
        return found;
    }
}
