package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.application.BrowseCatalogService;
import com.creatorcommerce.order.domain.catalog.ProductOption;
import com.creatorcommerce.order.domain.catalog.ProductWithOptions;
import com.creatorcommerce.platform.snowflake.IdString;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the catalog (snake_case, ids as strings, money as KRW integers, UTC timestamps). */
final class CatalogJson {

    private CatalogJson() {}

    /** An option with its unit price ({@code price} = the product's base price + {@code additional_price}). */
    record OptionResponse(
            @IdString long id,
            String optionName,
            String sku,
            long additionalPrice,
            long price,
            int stockQuantity,
            boolean inStock,
            @JsonProperty("is_active") boolean isActive,
            Instant createdAt,
            Instant updatedAt) {

        static OptionResponse of(ProductWithOptions product, ProductOption option) {
            return new OptionResponse(
                    option.id(),
                    option.optionName(),
                    option.sku(),
                    option.additionalPrice(),
                    product.unitPrice(option),
                    option.stockQuantity(),
                    option.inStock(),
                    option.active(),
                    option.createdAt(),
                    option.updatedAt());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductResponse(
            @IdString long id,
            String productName,
            String description,
            long basePrice,
            long viewCount,
            long likeCount,
            @JsonProperty("is_active") boolean isActive,
            Instant createdAt,
            Instant updatedAt,
            List<OptionResponse> options,
            Boolean liked) {

        static ProductResponse of(ProductWithOptions p) {
            return of(p, null);
        }

        static ProductResponse of(ProductWithOptions p, Boolean liked) {
            var product = p.product();
            return new ProductResponse(
                    product.id(),
                    product.productName(),
                    product.description(),
                    product.basePrice(),
                    product.viewCount(),
                    product.likeCount(),
                    product.active(),
                    product.createdAt(),
                    product.updatedAt(),
                    p.options().stream()
                            .map(option -> OptionResponse.of(p, option))
                            .toList(),
                    liked);
        }
    }

    /** A popular product: {@code recent_view_count} are its detail views inside the window. */
    record PopularProductResponse(
            @IdString long id,
            String productName,
            String description,
            long basePrice,
            long recentViewCount,
            long viewCount,
            long likeCount,
            List<OptionResponse> options) {

        static PopularProductResponse of(BrowseCatalogService.PopularEntry entry) {
            var p = entry.product();
            var product = p.product();
            return new PopularProductResponse(
                    product.id(),
                    product.productName(),
                    product.description(),
                    product.basePrice(),
                    entry.recentViews(),
                    product.viewCount(),
                    product.likeCount(),
                    p.options().stream()
                            .map(option -> OptionResponse.of(p, option))
                            .toList());
        }
    }

    /** The window is whole UTC days, {@code window_start} to {@code window_end} inclusive (today). */
    record PopularResponse(
            List<PopularProductResponse> items, int windowDays, LocalDate windowStart, LocalDate windowEnd) {

        static PopularResponse of(BrowseCatalogService.Popular popular) {
            return new PopularResponse(
                    popular.entries().stream().map(PopularProductResponse::of).toList(),
                    popular.window().days(),
                    popular.firstDay(),
                    popular.lastDay());
        }
    }
}
