package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.application.CartService;
import com.creatorcommerce.order.domain.cart.Cart;
import com.creatorcommerce.order.domain.cart.CartLimits;
import com.creatorcommerce.order.domain.cart.CartLine;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own cart (the user always comes from the token). */
@Tag(name = "cart", description = "The caller's cart.")
@RestController
@RequestMapping("/v1/cart")
class CartController {

    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    record AddItemRequest(
            @NotNull @IdText String productOptionId,

            @NotNull @Min(1) @Max(CartLimits.MAX_LINE_QUANTITY)
            Integer quantity) {}

    record ChangeQuantityRequest(
            @NotNull @Min(1) @Max(CartLimits.MAX_LINE_QUANTITY)
            Integer quantity) {}

    /**
     * A line with the catalog's current state: {@code unit_price} now vs {@code saved_price} when added, and flags
     * for a changed price, an option no longer on sale and missing stock.
     */
    record CartItemResponse(
            @IdString long id,
            @IdString long productId,
            String productName,
            @IdString long productOptionId,
            String optionName,
            String sku,
            int quantity,
            long savedPrice,
            long unitPrice,
            long subtotal,
            boolean priceChanged,
            boolean available,
            boolean outOfStock,
            boolean insufficientStock,
            int stockQuantity,
            boolean orderable,
            Instant createdAt,
            Instant updatedAt) {

        static CartItemResponse of(CartLine line) {
            return new CartItemResponse(
                    line.id(),
                    line.productId(),
                    line.productName(),
                    line.productOptionId(),
                    line.optionName(),
                    line.sku(),
                    line.quantity(),
                    line.savedPrice(),
                    line.currentPrice(),
                    line.subtotal(),
                    line.priceChanged(),
                    line.available(),
                    line.outOfStock(),
                    line.insufficientStock(),
                    line.stockQuantity(),
                    line.orderable(),
                    line.createdAt(),
                    line.updatedAt());
        }
    }

    /** Totals count the orderable lines only, at current prices. */
    record CartResponse(
            List<CartItemResponse> items,
            int totalQuantity,
            long totalAmount,
            boolean hasUnorderableItems,
            boolean hasPriceChanges) {

        static CartResponse of(Cart cart) {
            return new CartResponse(
                    cart.lines().stream().map(CartItemResponse::of).toList(),
                    cart.totalQuantity(),
                    cart.totalAmount(),
                    cart.hasUnorderableLines(),
                    cart.hasPriceChanges());
        }
    }

    @Operation(operationId = "getCart", summary = "The caller's cart with current prices and availability")
    @GetMapping
    CartResponse cart(CurrentUser user) {
        return CartResponse.of(carts.cartOf(user.id()));
    }

    /** 201 with the new line, or 200 with the line the quantity was merged into. */
    @Operation(
            operationId = "addCartItem",
            summary = "Put an option in the cart",
            description = "201 with the new line, or 200 with the line the quantity was merged into.")
    @ApiResponse(responseCode = "201", description = "A new line", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "Merged into the line of the same option",
            useReturnTypeSchema = true)
    @ProblemResponse(status = 400, codes = "INVALID_QUANTITY")
    @ProblemResponse(status = 404, codes = "PRODUCT_OPTION_NOT_FOUND")
    @ProblemResponse(
            status = 409,
            codes = {"PRODUCT_OPTION_UNAVAILABLE", "CART_LINE_LIMIT_EXCEEDED", "CART_FULL"})
    @PostMapping("/items")
    ResponseEntity<CartItemResponse> add(@Valid @RequestBody AddItemRequest request, CurrentUser user) {
        CartService.Added added = carts.add(user.id(), WebIds.require(request.productOptionId()), request.quantity());
        CartItemResponse body = CartItemResponse.of(added.line());
        return added.created()
                ? ResponseEntity.created(
                                URI.create("/v1/cart/items/" + added.line().id()))
                        .body(body)
                : ResponseEntity.ok(body);
    }

    @Operation(operationId = "changeCartItemQuantity", summary = "Change the quantity of a cart line")
    @ProblemResponse(status = 400, codes = "INVALID_QUANTITY")
    @ProblemResponse(status = 404, codes = "CART_ITEM_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "CART_LINE_LIMIT_EXCEEDED")
    @PatchMapping("/items/{cartItemId}")
    CartItemResponse changeQuantity(
            @PathVariable long cartItemId, @Valid @RequestBody ChangeQuantityRequest request, CurrentUser user) {
        return CartItemResponse.of(carts.changeQuantity(user.id(), cartItemId, request.quantity()));
    }

    @Operation(operationId = "removeCartItem", summary = "Remove a line from the cart")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ProblemResponse(status = 404, codes = "CART_ITEM_NOT_FOUND")
    @DeleteMapping("/items/{cartItemId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable long cartItemId, CurrentUser user) {
        carts.remove(user.id(), cartItemId);
    }
}
