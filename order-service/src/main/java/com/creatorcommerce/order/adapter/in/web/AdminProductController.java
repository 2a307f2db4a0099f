package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.adapter.in.web.CatalogJson.ProductResponse;
import com.creatorcommerce.order.application.BrowseCatalogService;
import com.creatorcommerce.order.application.ManageCatalogService;
import com.creatorcommerce.order.application.ManageCatalogService.NewOption;
import com.creatorcommerce.order.application.ManageCatalogService.NewProduct;
import com.creatorcommerce.order.application.ManageCatalogService.OptionChanges;
import com.creatorcommerce.order.application.ManageCatalogService.ProductChanges;
import com.creatorcommerce.order.domain.catalog.CatalogLimits;
import com.creatorcommerce.order.domain.catalog.ProductSort;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalog administration. {@code /v1/admin/**} is ADMIN-only in the security library; products and options are
 * deactivated, never deleted; stock moves by signed adjustments.
 */
@Tag(name = "catalog admin", description = "Products, options and stock (role ADMIN).")
@RestController
@RequestMapping("/v1/admin/products")
class AdminProductController {

    private final ManageCatalogService manage;
    private final BrowseCatalogService browse;

    AdminProductController(ManageCatalogService manage, BrowseCatalogService browse) {
        this.manage = manage;
        this.browse = browse;
    }

    record OptionRequest(
            @NotBlank @Size(max = CatalogLimits.MAX_OPTION_NAME)
            String optionName,

            @NotNull @Pattern(regexp = CatalogLimits.SKU_PATTERN)
            String sku,

            @NotNull @PositiveOrZero @Max(CatalogLimits.MAX_PRICE)
            Long additionalPrice,

            @NotNull @PositiveOrZero @Max(CatalogLimits.MAX_STOCK)
            Integer stockQuantity,

            @JsonProperty("is_active") Boolean isActive) {

        NewOption toCommand() {
            return new NewOption(optionName, sku, additionalPrice, stockQuantity, isActive == null || isActive);
        }
    }

    record CreateProductRequest(
            @NotBlank @Size(max = CatalogLimits.MAX_PRODUCT_NAME)
            String productName,

            @Size(max = CatalogLimits.MAX_DESCRIPTION) String description,

            @NotNull @PositiveOrZero @Max(CatalogLimits.MAX_PRICE)
            Long basePrice,

            @JsonProperty("is_active") Boolean isActive,

            @Size(max = CatalogLimits.MAX_OPTIONS_PER_REQUEST)
            List<@NotNull @Valid OptionRequest> options) {}

    record UpdateProductRequest(
            @NotBlank @Size(max = CatalogLimits.MAX_PRODUCT_NAME)
            String productName,

            @Size(max = CatalogLimits.MAX_DESCRIPTION) String description,

            @NotNull @PositiveOrZero @Max(CatalogLimits.MAX_PRICE)
            Long basePrice,

            @NotNull @JsonProperty("is_active") Boolean isActive) {}

    record UpdateOptionRequest(
            @NotBlank @Size(max = CatalogLimits.MAX_OPTION_NAME)
            String optionName,

            @NotNull @Pattern(regexp = CatalogLimits.SKU_PATTERN)
            String sku,

            @NotNull @PositiveOrZero @Max(CatalogLimits.MAX_PRICE)
            Long additionalPrice,

            @NotNull @JsonProperty("is_active") Boolean isActive) {}

    /** A signed change of stock (e.g. +100 received, -3 damaged) with the reason kept in the ledger. */
    record StockAdjustmentRequest(
            @NotNull @Min(-CatalogLimits.MAX_STOCK) @Max(CatalogLimits.MAX_STOCK)
            Integer delta,

            @NotBlank @Size(max = 200) String reason) {}

    record StockAdjustmentResponse(
            @IdString long productId, @IdString long productOptionId, int delta, int stockQuantity) {}

    /** Every product, active or not, with all options, newest first. */
    @Operation(operationId = "adminListProducts", summary = "Every product, active or not (paged)")
    @GetMapping
    PageResponse<ProductResponse> list(
            @RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        Page<ProductResponse> found =
                browse.list(page, pageSize, ProductSort.LATEST, false).map(ProductResponse::of);
        return PageResponse.of(found);
    }

    @Operation(operationId = "adminGetProduct", summary = "One product with all its options")
    @ProblemResponse(status = 404, codes = "PRODUCT_NOT_FOUND")
    @GetMapping("/{productId}")
    ProductResponse get(@PathVariable long productId) {
        return ProductResponse.of(browse.adminView(productId));
    }

    @Operation(operationId = "createProduct", summary = "Add a product with its options and their stock")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ProblemResponse(status = 400, codes = "TOO_MANY_OPTIONS")
    @ProblemResponse(status = 409, codes = "DUPLICATE_SKU")
    @PostMapping
    ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request, CurrentUser admin) {
        List<NewOption> options = request.options() == null
                ? List.of()
                : request.options().stream().map(OptionRequest::toCommand).toList();
        var created = manage.create(
                new NewProduct(
                        request.productName(),
                        request.description(),
                        request.basePrice(),
                        request.isActive() == null || request.isActive(),
                        options),
                admin.id());
        return ResponseEntity.created(
                        URI.create("/v1/admin/products/" + created.product().id()))
                .body(ProductResponse.of(created));
    }

    @Operation(operationId = "updateProduct", summary = "Replace a product's name, description, price and state")
    @ProblemResponse(status = 404, codes = "PRODUCT_NOT_FOUND")
    @PutMapping("/{productId}")
    ProductResponse update(@PathVariable long productId, @Valid @RequestBody UpdateProductRequest request) {
        return ProductResponse.of(manage.update(
                productId,
                new ProductChanges(
                        request.productName(), request.description(), request.basePrice(), request.isActive())));
    }

    /** Deactivates the product (it stays for orders and carts that refer to it). */
    @Operation(operationId = "deactivateProduct", summary = "Take a product off sale")
    @ApiResponse(responseCode = "204", description = "Deactivated")
    @ProblemResponse(status = 404, codes = "PRODUCT_NOT_FOUND")
    @DeleteMapping("/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivate(@PathVariable long productId) {
        manage.deactivate(productId);
    }

    @Operation(operationId = "addProductOption", summary = "Add an option to a product")
    @ApiResponse(responseCode = "201", description = "The product with the new option", useReturnTypeSchema = true)
    @ProblemResponse(status = 400, codes = "TOO_MANY_OPTIONS")
    @ProblemResponse(status = 404, codes = "PRODUCT_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "DUPLICATE_SKU")
    @PostMapping("/{productId}/options")
    ResponseEntity<ProductResponse> addOption(
            @PathVariable long productId, @Valid @RequestBody OptionRequest request, CurrentUser admin) {
        var product = manage.addOption(productId, request.toCommand(), admin.id());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/v1/admin/products/" + productId))
                .body(ProductResponse.of(product));
    }

    @Operation(operationId = "updateProductOption", summary = "Replace an option's name, SKU, price and state")
    @ProblemResponse(
            status = 404,
            codes = {"PRODUCT_NOT_FOUND", "PRODUCT_OPTION_NOT_FOUND"})
    @ProblemResponse(status = 409, codes = "DUPLICATE_SKU")
    @PutMapping("/{productId}/options/{optionId}")
    ProductResponse updateOption(
            @PathVariable long productId,
            @PathVariable long optionId,
            @Valid @RequestBody UpdateOptionRequest request) {
        return ProductResponse.of(manage.updateOption(
                productId,
                optionId,
                new OptionChanges(request.optionName(), request.sku(), request.additionalPrice(), request.isActive())));
    }

    @Operation(operationId = "deactivateProductOption", summary = "Take an option off sale")
    @ApiResponse(responseCode = "204", description = "Deactivated")
    @ProblemResponse(
            status = 404,
            codes = {"PRODUCT_NOT_FOUND", "PRODUCT_OPTION_NOT_FOUND"})
    @DeleteMapping("/{productId}/options/{optionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deactivateOption(@PathVariable long productId, @PathVariable long optionId) {
        manage.deactivateOption(productId, optionId);
    }

    @Operation(operationId = "adjustStock", summary = "Change an option's stock by a signed delta, with a reason")
    @ProblemResponse(status = 400, codes = "INVALID_STOCK_DELTA")
    @ProblemResponse(
            status = 404,
            codes = {"PRODUCT_NOT_FOUND", "PRODUCT_OPTION_NOT_FOUND"})
    @ProblemResponse(
            status = 409,
            codes = {"INSUFFICIENT_STOCK", "STOCK_LIMIT_EXCEEDED"})
    @PostMapping("/{productId}/options/{optionId}/stock-adjustments")
    StockAdjustmentResponse adjustStock(
            @PathVariable long productId,
            @PathVariable long optionId,
            @Valid @RequestBody StockAdjustmentRequest request,
            CurrentUser admin) {
        var adjusted = manage.adjustStock(
                productId, optionId, request.delta(), request.reason().strip(), admin.id());
        return new StockAdjustmentResponse(
                adjusted.productId(), adjusted.productOptionId(), adjusted.delta(), adjusted.stockQuantity());
    }
}
