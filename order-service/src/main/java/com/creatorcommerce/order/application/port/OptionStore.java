package com.creatorcommerce.order.application.port;

import com.creatorcommerce.order.domain.catalog.OptionForSale;
import com.creatorcommerce.order.domain.catalog.ProductOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options of the catalog's products, with their stock and its adjustments. Stock changes only through the atomic
 * operation named for it.
 */
public interface OptionStore {

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

    enum OptionUpdate {
        UPDATED,
        NOT_FOUND,
        DUPLICATE_SKU
    }
}
