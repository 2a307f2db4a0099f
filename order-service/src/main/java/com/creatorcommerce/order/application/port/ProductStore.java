package com.creatorcommerce.order.application.port;

import com.creatorcommerce.order.domain.catalog.Product;
import com.creatorcommerce.order.domain.catalog.ProductSort;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Products of the catalog (their options: {@link OptionStore}). Counters change only through their atomic operation. */
public interface ProductStore {

    void insertProduct(Product product);

    /** Changes the editable fields; false when there is no such product. Counters are never touched. */
    boolean updateProduct(
            long productId, String productName, String description, long basePrice, boolean active, Instant now);

    boolean deactivateProduct(long productId, Instant now);

    Optional<Product> findProduct(long productId);

    /** Whether the product exists and is on sale; empty when it does not exist. */
    Optional<Boolean> productActive(long productId);

    /**
     * Like {@link #productActive(long)}, but locks the product row exclusively until the end of the transaction.
     * Taken before anything that checks a foreign key to the product (which takes a shared lock on its row) and then
     * updates the row: shared-then-exclusive from two transactions would deadlock.
     */
    Optional<Boolean> lockProduct(long productId);

    List<Product> findProducts(Collection<Long> productIds);

    long countProducts(boolean activeOnly);

    List<Product> pageOfProducts(boolean activeOnly, ProductSort sort, int offset, int limit);

    void addToLikeCount(long productId, int delta);
}
