package com.creatorcommerce.order.adapter.out.persistence;

import com.creatorcommerce.order.application.port.ViewStore;
import com.creatorcommerce.order.domain.catalog.PopularProduct;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcViewStore implements ViewStore {

    private final JdbcClient jdbc;

    JdbcViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean countView(long productId) {
        return jdbc.sql("UPDATE products SET view_count = view_count + 1 WHERE product_id = ? AND is_active = TRUE")
                        .param(productId)
                        .update()
                == 1;
    }

    @Override
    public void countDailyView(long productId, LocalDate day) {
        // one atomic statement on MySQL and MariaDB alike: the first view of the day inserts, the others add one
        jdbc.sql("INSERT INTO product_view_daily (product_id, view_date, view_count) VALUES (?, ?, 1) "
                        + "ON DUPLICATE KEY UPDATE view_count = view_count + 1")
                .params(productId, day)
                .update();
    }

    @Override
    public List<PopularProduct> mostViewedSince(LocalDate firstDay, int limit) {
        // the derived table reads idx_product_view_daily_date only (range on view_date, covering)
        return jdbc.sql("SELECT v.product_id, v.recent_views FROM ("
                        + "  SELECT product_id, SUM(view_count) AS recent_views FROM product_view_daily "
                        + "  WHERE view_date >= ? GROUP BY product_id) v "
                        + "JOIN products p ON p.product_id = v.product_id "
                        + "WHERE p.is_active = TRUE "
                        + "ORDER BY v.recent_views DESC, p.view_count DESC, p.product_id DESC LIMIT ?")
                .params(firstDay, limit)
                .query((rs, i) -> new PopularProduct(rs.getLong("product_id"), rs.getLong("recent_views")))
                .list();
    }

    @Override
    public int purgeBefore(LocalDate day) {
        return jdbc.sql("DELETE FROM product_view_daily WHERE view_date < ?")
                .param(day)
                .update();
    }
}
