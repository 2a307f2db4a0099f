package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.adapter.in.web.CatalogJson.PageResponse;
import com.creatorcommerce.order.adapter.in.web.CatalogJson.PopularResponse;
import com.creatorcommerce.order.adapter.in.web.CatalogJson.ProductResponse;
import com.creatorcommerce.order.application.BrowseCatalogService;
import com.creatorcommerce.order.application.LikeService;
import com.creatorcommerce.order.config.CatalogProperties;
import com.creatorcommerce.order.domain.catalog.ProductSort;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public catalog browsing (no token needed for GET) and likes (token needed). */
@RestController
@RequestMapping("/v1/products")
class ProductController {

    private final BrowseCatalogService browse;
    private final LikeService likes;
    private final CatalogProperties properties;

    ProductController(BrowseCatalogService browse, LikeService likes, CatalogProperties properties) {
        this.browse = browse;
        this.likes = likes;
        this.properties = properties;
    }

    record LikeResponse(@IdString long productId, boolean liked) {
    }

    /** Active products with their active options, newest first (or {@code sort=view_count}: all-time views). */
    @GetMapping
    PageResponse<ProductResponse> list(@RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @RequestParam(defaultValue = "latest") @Pattern(regexp = "latest|view_count") String sort) {
        ProductSort order = "view_count".equals(sort) ? ProductSort.VIEW_COUNT : ProductSort.LATEST;
        return PageResponse.of(browse.list(page, pageSize, order, true), ProductResponse::of);
    }

    /** Most viewed active products of the last {@code window_days} UTC days (today included). */
    @GetMapping("/popular")
    PopularResponse popular(@RequestParam(defaultValue = "10") @Min(1) int limit) {
        if (limit > properties.popularMaxLimit()) {
            throw ApiException.badRequest("LIMIT_TOO_LARGE", "limit is at most " + properties.popularMaxLimit() + ".")
                    .with("max_limit", properties.popularMaxLimit());
        }
        return PopularResponse.of(browse.popular(limit));
    }

    /** An active product; counts one view. {@code liked} is present when the caller sent a token. */
    @GetMapping("/{productId}")
    ProductResponse get(@PathVariable long productId, Optional<CurrentUser> user) {
        var details = browse.view(productId, user.map(CurrentUser::id));
        return ProductResponse.of(details.product(), details.liked().orElse(null));
    }

    @PutMapping("/{productId}/like")
    LikeResponse like(@PathVariable long productId, CurrentUser user) {
        likes.like(user.id(), productId);
        return new LikeResponse(productId, true);
    }

    @DeleteMapping("/{productId}/like")
    LikeResponse unlike(@PathVariable long productId, CurrentUser user) {
        likes.unlike(user.id(), productId);
        return new LikeResponse(productId, false);
    }
}
