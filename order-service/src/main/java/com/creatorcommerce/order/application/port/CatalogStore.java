package com.creatorcommerce.order.application.port;

import com.creatorcommerce.order.domain.catalog.OptionForSale;
import com.creatorcommerce.order.domain.catalog.Product;
import com.creatorcommerce.order.domain.catalog.ProductOption;
import com.creatorcommerce.order.domain.catalog.ProductSort;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Products and options. Counters and stock change only through the atomic operations named for them. */
public interface CatalogStore {

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

    /** Options of these products, by product then option id; only active ones when {@code activeOnly}. */
    List<ProductOption> optionsOf(Collection<Long> productIds, boolean activeOnly);

    /**
     * Inserts the option; false (and nothing inserted) when its SKU is taken, also by a concurrent insert.
     */
    boolean insertOption(ProductOption option);

    /** Changes the editable fields (not stock); empty when the option is not of that product. */
    OptionUpdate updateOption(
            long productId,
            long optionId,
            String optionName,
            String sku,
            long additionalPrice,
            boolean active,
            Instant now);

    boolean deactivateOption(long productId, long optionId, Instant now);

    Optional<ProductOption> findOption(long productId, long optionId);

    Optional<OptionForSale> findOptionForSale(long optionId);

    /** Which of these SKUs are already used (compared as the database compares them, case-insensitively). */
    Set<String> existingSkus(Collection<String> skus);

    /**
     * Adds {@code delta} (positive or negative) to the option's stock in one conditional statement, provided the
     * result stays within 0..{@code max}; false when it would not (or there is no such option).
     */
    boolean adjustStock(long productId, long optionId, int delta, int max);

    void recordAdjustment(
            long adjustmentId, long optionId, int delta, int stockAfter, String reason, Long adjustedBy, Instant now);

    void addToLikeCount(long productId, int delta);

    enum OptionUpdate {
        UPDATED,
        NOT_FOUND,
        DUPLICATE_SKU
    }
}
