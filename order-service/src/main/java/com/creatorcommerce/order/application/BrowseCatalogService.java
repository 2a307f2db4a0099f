package com.creatorcommerce.order.application;

import com.creatorcommerce.order.application.port.LikeStore;
import com.creatorcommerce.order.application.port.OptionStore;
import com.creatorcommerce.order.application.port.ProductStore;
import com.creatorcommerce.order.application.port.ViewStore;
import com.creatorcommerce.order.domain.catalog.PopularProduct;
import com.creatorcommerce.order.domain.catalog.PopularityWindow;
import com.creatorcommerce.order.domain.catalog.Product;
import com.creatorcommerce.order.domain.catalog.ProductOption;
import com.creatorcommerce.order.domain.catalog.ProductSort;
import com.creatorcommerce.order.domain.catalog.ProductWithOptions;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the catalog: the public listing, product detail (which counts a view) and the popular products. */
@Service
public class BrowseCatalogService {

    private final ProductStore productStore;
    private final OptionStore optionStore;
    private final ViewStore views;
    private final LikeStore likes;
    private final PopularityWindow window;
    private final Clock clock;

    public BrowseCatalogService(
            ProductStore productStore,
            OptionStore optionStore,
            ViewStore views,
            LikeStore likes,
            PopularityWindow window,
            Clock clock) {
        this.productStore = productStore;
        this.optionStore = optionStore;
        this.views = views;
        this.likes = likes;
        this.window = window;
        this.clock = clock;
    }

    /** A product page as the user sees it; {@code liked} is empty for anonymous callers. */
    public record ProductDetails(ProductWithOptions product, Optional<Boolean> liked) {}

    public record PopularEntry(ProductWithOptions product, long recentViews) {}

    public record Popular(List<PopularEntry> entries, PopularityWindow window, LocalDate firstDay, LocalDate lastDay) {}

    /** Active products with their active options; {@code activeOnly = false} (admins) shows everything. */
    @Transactional(readOnly = true)
    public Page<ProductWithOptions> list(int page, int pageSize, ProductSort sort, boolean activeOnly) {
        long total = productStore.countProducts(activeOnly);
        long offset = Page.offset(page, pageSize);
        if (offset >= total) {
            return new Page<>(List.of(), total, page, pageSize);
        }
        List<Product> products = productStore.pageOfProducts(activeOnly, sort, (int) offset, pageSize);
        return new Page<>(withOptions(products, activeOnly), total, page, pageSize);
    }

    /**
     * The product page of an active product. Counts one view: the all-time counter and today's (UTC) counter, both
     * atomic increments, committed together. They come last so that the product row stays locked only briefly.
     */
    @Transactional
    public ProductDetails view(long productId, Optional<Long> viewerId) {
        Product product = productStore
                .findProduct(productId)
                .filter(Product::active)
                .orElseThrow(() -> Refusals.productNotFound(productId));
        List<ProductOption> options = optionStore.optionsOf(List.of(productId), true);
        Optional<Boolean> liked = viewerId.map(user -> likes.isLiked(user, productId));
        if (!views.countView(productId)) {
            throw Refusals.productNotFound(productId); // deactivated meanwhile
        }
        views.countDailyView(productId, LocalDate.now(clock));
        Product counted = new Product(
                product.id(),
                product.productName(),
                product.description(),
                product.basePrice(),
                product.viewCount() + 1,
                product.likeCount(),
                product.active(),
                product.createdAt(),
                product.updatedAt());
        return new ProductDetails(new ProductWithOptions(counted, options), liked);
    }

    /** Any product, active or not, with all of its options (admins). */
    @Transactional(readOnly = true)
    public ProductWithOptions adminView(long productId) {
        Product product = productStore.findProduct(productId).orElseThrow(() -> Refusals.productNotFound(productId));
        return new ProductWithOptions(product, optionStore.optionsOf(List.of(productId), false));
    }

    /** The active products with the most detail views in the window, most viewed first. */
    @Transactional(readOnly = true)
    public Popular popular(int limit) {
        LocalDate today = LocalDate.now(clock);
        LocalDate firstDay = window.firstDay(today);
        List<PopularProduct> ranking = views.mostViewedSince(firstDay, limit);
        Map<Long, ProductWithOptions> products =
                withOptions(
                                productStore.findProducts(ranking.stream()
                                        .map(PopularProduct::productId)
                                        .toList()),
                                true)
                        .stream()
                        .collect(Collectors.toMap(p -> p.product().id(), Function.identity()));
        List<PopularEntry> entries = new ArrayList<>();
        for (PopularProduct ranked : ranking) {
            ProductWithOptions product = products.get(ranked.productId());
            if (product != null && product.product().active()) {
                entries.add(new PopularEntry(product, ranked.recentViews()));
            }
        }
        return new Popular(entries, window, firstDay, today);
    }

    private List<ProductWithOptions> withOptions(Collection<Product> products, boolean activeOptionsOnly) {
        if (products.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ProductOption>> options = new LinkedHashMap<>();
        for (ProductOption option :
                optionStore.optionsOf(products.stream().map(Product::id).toList(), activeOptionsOnly)) {
            options.computeIfAbsent(option.productId(), id -> new ArrayList<>()).add(option);
        }
        return products.stream()
                .map(product -> new ProductWithOptions(product, options.getOrDefault(product.id(), List.of())))
                .toList();
    }
}
