package com.creatorcommerce.order.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Who likes which product ({@code product_likes}). */
public interface LikeStore {

    /** Records the like; false when the user already liked the product (nothing changes then). */
    boolean insert(long likeId, long userId, long productId, Instant now);

    /** Removes the like; false when there was none. */
    boolean delete(long userId, long productId);

    boolean isLiked(long userId, long productId);

    /** Which of these products the user likes, in one query. */
    Set<Long> likedAmong(long userId, Collection<Long> productIds);
}
