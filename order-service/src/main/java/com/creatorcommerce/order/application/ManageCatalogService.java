package com.creatorcommerce.order.application;

import com.creatorcommerce.order.application.port.OptionStore;
import com.creatorcommerce.order.application.port.ProductStore;
import com.creatorcommerce.order.domain.catalog.CatalogLimits;
import com.creatorcommerce.order.domain.catalog.Product;
import com.creatorcommerce.order.domain.catalog.ProductOption;
import com.creatorcommerce.order.domain.catalog.ProductWithOptions;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin use cases of the catalog: products and options are created, edited and deactivated (never deleted: orders
 * and carts refer to them), and stock is adjusted by a signed delta so that it never races with reservations.
 */
@Service
public class ManageCatalogService {

    static final String INITIAL_STOCK = "initial stock";

    private final ProductStore productStore;
    private final OptionStore optionStore;
    private final IdGenerator ids;
    private final Clock clock;

    public ManageCatalogService(ProductStore productStore, OptionStore optionStore, IdGenerator ids, Clock clock) {
        this.productStore = productStore;
        this.optionStore = optionStore;
        this.ids = ids;
        this.clock = clock;
    }

    public record NewOption(String optionName, String sku, long additionalPrice, int stockQuantity, boolean active) {}

    public record NewProduct(
            String productName, String description, long basePrice, boolean active, List<NewOption> options) {

        public NewProduct {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    public record ProductChanges(String productName, String description, long basePrice, boolean active) {}

    public record OptionChanges(String optionName, String sku, long additionalPrice, boolean active) {}

    public record StockAdjusted(long productId, long productOptionId, int delta, int stockQuantity) {}

    /** Creates a product with its options; all of it or nothing (e.g. when a SKU is taken). */
    @Transactional
    public ProductWithOptions create(NewProduct command, long adminId) {
        CatalogLimits.requireOptionCount(command.options().size());
        Set<String> skus = new HashSet<>();
        for (NewOption option : command.options()) {
            if (!skus.add(option.sku().toLowerCase(Locale.ROOT))) {
                throw Refusals.duplicateSku(option.sku());
            }
        }
        rejectTakenSkus(command.options().stream().map(NewOption::sku).toList());
        Instant now = now();
        Product product = new Product(
                ids.nextId(),
                command.productName(),
                blankToNull(command.description()),
                command.basePrice(),
                0,
                0,
                command.active(),
                now,
                now);
        productStore.insertProduct(product);
        for (NewOption option : command.options()) {
            insertOption(product.id(), option, adminId, now);
        }
        return reload(product.id());
    }

    @Transactional
    public ProductWithOptions update(long productId, ProductChanges changes) {
        String name = CatalogLimits.requireText("product_name", changes.productName(), CatalogLimits.MAX_PRODUCT_NAME);
        CatalogLimits.requirePrice("base_price", changes.basePrice());
        if (!productStore.updateProduct(
                productId, name, blankToNull(changes.description()), changes.basePrice(), changes.active(), now())) {
            throw Refusals.productNotFound(productId);
        }
        return reload(productId);
    }

    /** Takes the product off sale (idempotent). Its options keep their own state for when it comes back. */
    @Transactional
    public void deactivate(long productId) {
        if (!productStore.deactivateProduct(productId, now())) {
            throw Refusals.productNotFound(productId);
        }
    }

    @Transactional
    public ProductWithOptions addOption(long productId, NewOption option, long adminId) {
        if (productStore.productActive(productId).isEmpty()) {
            throw Refusals.productNotFound(productId);
        }
        rejectTakenSkus(List.of(option.sku()));
        insertOption(productId, option, adminId, now());
        return reload(productId);
    }

    @Transactional
    public ProductWithOptions updateOption(long productId, long optionId, OptionChanges changes) {
        CatalogLimits.requireText("option_name", changes.optionName(), CatalogLimits.MAX_OPTION_NAME);
        CatalogLimits.requireSku(changes.sku());
        CatalogLimits.requirePrice("additional_price", changes.additionalPrice());
        switch (optionStore.updateOption(
                productId,
                optionId,
                changes.optionName().strip(),
                changes.sku(),
                changes.additionalPrice(),
                changes.active(),
                now())) {
            case NOT_FOUND -> throw Refusals.optionNotFound(optionId);
            case DUPLICATE_SKU -> throw Refusals.duplicateSku(changes.sku());
            case UPDATED -> {
                // fine
            }
        }
        return reload(productId);
    }

    /** Takes the option off sale (idempotent). */
    @Transactional
    public void deactivateOption(long productId, long optionId) {
        if (!optionStore.deactivateOption(productId, optionId, now())) {
            throw Refusals.optionNotFound(optionId);
        }
    }

    /**
     * Adds a signed delta to an option's stock in one conditional statement (stock stays within 0..MAX_STOCK) and
     * records the adjustment. Never an absolute "set": that would overwrite reservations made meanwhile.
     */
    @Transactional
    public StockAdjusted adjustStock(long productId, long optionId, int delta, String reason, long adminId) {
        CatalogLimits.requireStockDelta(delta);
        if (!optionStore.adjustStock(productId, optionId, delta, CatalogLimits.MAX_STOCK)) {
            ProductOption option =
                    optionStore.findOption(productId, optionId).orElseThrow(() -> Refusals.optionNotFound(optionId));
            if (delta < 0) {
                throw Refusals.insufficientStock(optionId, -delta, option.stockQuantity());
            }
            throw Refusals.stockLimitExceeded(CatalogLimits.MAX_STOCK, option.stockQuantity());
        }
        int stockAfter =
                optionStore.findOption(productId, optionId).orElseThrow().stockQuantity();
        optionStore.recordAdjustment(ids.nextId(), optionId, delta, stockAfter, reason, adminId, now());
        return new StockAdjusted(productId, optionId, delta, stockAfter);
    }

    private void insertOption(long productId, NewOption command, long adminId, Instant now) {
        ProductOption option = new ProductOption(
                ids.nextId(),
                productId,
                command.optionName().strip(),
                command.sku(),
                command.additionalPrice(),
                CatalogLimits.requireStock(command.stockQuantity()),
                command.active(),
                now,
                now);
        if (!optionStore.insertOption(option)) {
            throw Refusals.duplicateSku(option.sku()); // taken by a concurrent request since the check
        }
        if (option.stockQuantity() > 0) {
            optionStore.recordAdjustment(
                    ids.nextId(),
                    option.id(),
                    option.stockQuantity(),
                    option.stockQuantity(),
                    INITIAL_STOCK,
                    adminId,
                    now);
        }
    }

    private void rejectTakenSkus(List<String> skus) {
        if (skus.isEmpty()) {
            return;
        }
        Set<String> taken = new HashSet<>();
        optionStore.existingSkus(skus).forEach(sku -> taken.add(sku.toLowerCase(Locale.ROOT)));
        for (String sku : skus) {
            if (taken.contains(sku.toLowerCase(Locale.ROOT))) {
                throw Refusals.duplicateSku(sku);
            }
        }
    }

    private ProductWithOptions reload(long productId) {
        Product product = productStore.findProduct(productId).orElseThrow(() -> Refusals.productNotFound(productId));
        return new ProductWithOptions(product, optionStore.optionsOf(List.of(productId), false));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
