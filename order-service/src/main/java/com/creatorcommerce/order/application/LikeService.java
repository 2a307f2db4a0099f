package com.creatorcommerce.order.application;

import com.creatorcommerce.order.application.port.LikeStore;
import com.creatorcommerce.order.application.port.ProductStore;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Likes on products (seed 002's likes): idempotent like/unlike and the batch check for feeds. */
@Service
public class LikeService {

    /** Most ids one batch check may ask about. */
    public static final int MAX_BATCH = 100;

    private final LikeStore likes;
    private final ProductStore products;
    private final IdGenerator ids;
    private final Clock clock;

    public LikeService(LikeStore likes, ProductStore products, IdGenerator ids, Clock clock) {
        this.likes = likes;
        this.products = products;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Likes a product on sale; liking it again changes nothing. The product's like count moves once. The product
     * row is locked first: the like's foreign key check would otherwise take a shared lock on it that the count's
     * update then has to upgrade, which deadlocks two concurrent likes.
     */
    @Transactional
    public void like(long userId, long productId) {
        if (!products.lockProduct(productId).orElse(false)) {
            throw Refusals.productNotFound(productId);
        }
        // likes of this product are serialised by the lock above, so this read sees every committed like
        if (!likes.isLiked(userId, productId)
                && likes.insert(ids.nextId(), userId, productId, clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            products.addToLikeCount(productId, 1);
        }
    }

    /** Removes the like (also from a product no longer on sale); unliking again changes nothing. */
    @Transactional
    public void unlike(long userId, long productId) {
        if (products.productActive(productId).isEmpty()) {
            throw Refusals.productNotFound(productId);
        }
        if (likes.delete(userId, productId)) {
            products.addToLikeCount(productId, -1);
        }
    }

    /**
     * For each requested id (in request order, duplicates once), whether the user likes it: one SQL query whatever
     * the number of ids; ids of unknown products answer false.
     */
    public Map<Long, Boolean> checkBatch(long userId, Collection<Long> productIds) {
        Set<Long> requested = new LinkedHashSet<>(productIds);
        if (requested.size() > MAX_BATCH) {
            throw Refusals.batchTooLarge(MAX_BATCH);
        }
        Map<Long, Boolean> answer = new LinkedHashMap<>();
        if (requested.isEmpty()) {
            return answer;
        }
        Set<Long> liked = likes.likedAmong(userId, requested);
        requested.forEach(id -> answer.put(id, liked.contains(id)));
        return answer;
    }
}
