package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.adapter.in.web.CatalogJson.PopularResponse;
import com.creatorcommerce.order.adapter.in.web.CatalogJson.ProductResponse;
import com.creatorcommerce.order.application.BrowseCatalogService;
import com.creatorcommerce.order.application.LikeService;
import com.creatorcommerce.order.config.CatalogProperties;
import com.creatorcommerce.order.domain.catalog.ProductSort;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "catalog", description = "Products on sale (public) and the caller's likes.")
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

    record LikeResponse(@IdString long productId, boolean liked) {}

    /** Active products with their active options, newest first (or {@code sort=view_count}: all-time views). */
    @Operation(
            operationId = "listProducts",
            summary = "Products on sale (public, paged)",
            description = "Active products with their active options, newest first (`sort=latest`) or by all-time "
                    + "views (`sort=view_count`).")
    @GetMapping
    PageResponse<ProductResponse> list(
            @RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @RequestParam(defaultValue = "latest") @Pattern(regexp = "latest|view_count") String sort) {
        ProductSort order = "view_count".equals(sort) ? ProductSort.VIEW_COUNT : ProductSort.LATEST;
        Page<ProductResponse> found = browse.list(page, pageSize, order, true).map(ProductResponse::of);
        return PageResponse.of(found);
    }

    /** Most viewed active products of the last {@code window_days} UTC days (today included). */
    @Operation(operationId = "listPopularProducts", summary = "Most viewed products of the last days (public)")
    @ProblemResponse(status = 400, codes = "LIMIT_TOO_LARGE")
    @GetMapping("/popular")
    PopularResponse popular(@RequestParam(defaultValue = "10") @Min(1) int limit) {
        if (limit > properties.popularMaxLimit()) {
            throw ApiException.badRequest("LIMIT_TOO_LARGE", "limit is at most " + properties.popularMaxLimit() + ".")
                    .with("max_limit", properties.popularMaxLimit());
        }
        return PopularResponse.of(browse.popular(limit));
    }

    /** An active product; counts one view. {@code liked} is present when the caller sent a token. */
    @Operation(
            operationId = "getProduct",
            summary = "A product on sale with its options (public; counts a view)",
            description = "`liked` is present when the caller sent a token.")
    @ProblemResponse(status = 404, codes = "PRODUCT_NOT_FOUND")
    @GetMapping("/{productId}")
    ProductResponse get(@PathVariable long productId, Optional<CurrentUser> user) {
        var details = browse.view(productId, user.map(CurrentUser::id));
        return ProductResponse.of(details.product(), details.liked().orElse(null));
    }

    @Operation(operationId = "likeProduct", summary = "Like a product (idempotent)")
    @ProblemResponse(status = 404, codes = "PRODUCT_NOT_FOUND")
    @PutMapping("/{productId}/like")
    LikeResponse like(@PathVariable long productId, CurrentUser user) {
        likes.like(user.id(), productId);
        return new LikeResponse(productId, true);
    }

    @Operation(operationId = "unlikeProduct", summary = "Take a like back (idempotent)")
    @ProblemResponse(status = 404, codes = "PRODUCT_NOT_FOUND")
    @DeleteMapping("/{productId}/like")
    LikeResponse unlike(@PathVariable long productId, CurrentUser user) {
        likes.unlike(user.id(), productId);
        return new LikeResponse(productId, false);
    }
}
