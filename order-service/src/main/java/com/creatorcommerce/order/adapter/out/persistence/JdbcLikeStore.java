package com.creatorcommerce.order.adapter.out.persistence;

import static com.creatorcommerce.order.adapter.out.persistence.Columns.utc;

import com.creatorcommerce.order.application.port.LikeStore;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLikeStore implements LikeStore {

    private final JdbcClient jdbc;

    JdbcLikeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(long likeId, long userId, long productId, Instant now) {
        try {
            jdbc.sql("INSERT INTO product_likes (product_like_id, user_id, product_id, created_at) VALUES (?, ?, ?, ?)")
                    .params(likeId, userId, productId, utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false; // uk_product_likes_user_product: already liked (also by a concurrent request)
        }
    }

    @Override
    public boolean delete(long userId, long productId) {
        return jdbc.sql("DELETE FROM product_likes WHERE user_id = ? AND product_id = ?")
                        .params(userId, productId)
                        .update()
                == 1;
    }

    @Override
    public boolean isLiked(long userId, long productId) {
        return jdbc.sql("SELECT COUNT(*) FROM product_likes WHERE user_id = ? AND product_id = ?")
                        .params(userId, productId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Set<Long> likedAmong(long userId, Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Set.of();
        }
        // one query on uk_product_likes_user_product (user_id, product_id): an index-only range read
        return new HashSet<>(
                jdbc.sql("SELECT product_id FROM product_likes WHERE user_id = :user " + "AND product_id IN (:ids)")
                        .param("user", userId)
                        .param("ids", productIds)
                        .query(Long.class)
                        .list());
    }
}
