package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.adapter.in.web.OrderJson.OrderResponse;
import com.creatorcommerce.order.adapter.in.web.OrderJson.PlaceOrderRequest;
import com.creatorcommerce.order.application.order.CancelOrderService;
import com.creatorcommerce.order.application.order.OrderQueries;
import com.creatorcommerce.order.application.order.OrderView;
import com.creatorcommerce.order.application.order.PlaceOrder;
import com.creatorcommerce.order.application.order.PlaceOrderService;
import com.creatorcommerce.order.domain.order.OrderLine;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import com.creatorcommerce.platform.web.idempotency.IdempotencyFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's orders: place (charge-then-order saga), read, list, cancel (order-cancel saga). */
@Tag(
        name = "orders",
        description = "The caller's orders: place one (the charge-then-order saga), read, list, "
                + "cancel (the order-cancel saga).")
@RestController
@Validated
@RequestMapping("/v1/orders")
class OrderController {

    private final PlaceOrderService placing;
    private final OrderQueries queries;
    private final CancelOrderService cancelling;

    OrderController(PlaceOrderService placing, OrderQueries queries, CancelOrderService cancelling) {
        this.placing = placing;
        this.queries = queries;
        this.cancelling = cancelling;
    }

    @Operation(
            operationId = "placeOrder",
            summary = "Place an order (202: its saga runs; poll GET /v1/orders/{id})",
            description = """
            Needs an `Idempotency-Key` header (the same key answers the same order). Lines come from `items` \
            (at most 50, quantity 1..10000, duplicates of an option merged) or from the cart (`from_cart: true`). \
            `user_coupon_id` (optional) is checked by coupon-service during the saga: a coupon of another user, \
            already used, reserved by another order or expired ends the order CANCELLED with \
            `failure_code: COUPON_NOT_APPLICABLE` (order-service cannot see coupons). `charge` (optional) buys \
            `amount` points (within the charge limits) with the payment `payment_key` before paying; points \
            credited stay in the wallet whatever becomes of the order (`charge.points_charged`). The order is \
            paid with points (`final_amount = total_amount - discount_amount`). The answer is the order, PENDING \
            (or already CANCELLED with OUT_OF_STOCK when stock was short), with `Location: /v1/orders/{id}`. The lines \
            of a cart order leave the cart once the order is COMPLETED.""")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the order, PENDING (or CANCELLED with OUT_OF_STOCK)",
            useReturnTypeSchema = true)
    @ProblemResponse(
            status = 400,
            codes = {
                "IDEMPOTENCY_KEY_REQUIRED",
                "EMPTY_ORDER",
                "ITEMS_AND_CART",
                "TOO_MANY_LINES",
                "INVALID_QUANTITY",
                "CHARGE_AMOUNT_OUT_OF_RANGE",
                "PAYMENT_KEY_REQUIRED"
            })
    @ProblemResponse(status = 409, codes = "ORDER_IN_PROGRESS")
    @ProblemResponse(
            status = 422,
            codes = {"PRODUCT_OPTION_NOT_FOUND", "PRODUCT_OPTION_UNAVAILABLE"})
    @PostMapping
    ResponseEntity<OrderResponse> place(
            @Valid @RequestBody PlaceOrderRequest request,
            @Parameter(
                            required = true,
                            description = "A fresh unique value per order: a retry with the same key "
                                    + "answers the same order.")
                    @RequestHeader(name = IdempotencyFilter.HEADER, required = false)
                    String idempotencyKey,
            CurrentUser user) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.badRequest(
                    "IDEMPOTENCY_KEY_REQUIRED",
                    "Placing an order needs an Idempotency-Key header (a fresh unique value per order).");
        }
        List<OrderLine> items = request.items() == null
                ? null
                : request.items().stream()
                        .map(l -> new OrderLine(WebIds.require(l.productOptionId()), l.quantity()))
                        .toList();
        PlaceOrder.Charge charge = request.charge() == null
                ? null
                : new PlaceOrder.Charge(
                        request.charge().amount(), request.charge().paymentKey());
        OrderView placed = placing.place(new PlaceOrder(
                user.id(),
                items,
                Boolean.TRUE.equals(request.fromCart()),
                request.userCouponId() == null ? null : WebIds.require(request.userCouponId()),
                charge,
                idempotencyKey));
        return ResponseEntity.accepted()
                .location(URI.create("/v1/orders/" + placed.order().id()))
                .body(OrderResponse.of(placed));
    }

    @Operation(
            operationId = "getOrder",
            summary = "One of the caller's orders (an admin may read any)",
            description = """
            `status` PENDING, COMPLETED or CANCELLED with `failure_code`/`failure_reason`; the amounts; the items \
            as ordered (snapshot); the charge; the progress of its latest saga (`saga_status`, `current_step`). \
            Another user's order is answered 404.""")
    @ProblemResponse(status = 404, codes = "ORDER_NOT_FOUND")
    @GetMapping("/{orderId}")
    OrderResponse get(@PathVariable long orderId, CurrentUser user) {
        return OrderResponse.of(queries.find(orderId, user.id(), user.isAdmin()));
    }

    @Operation(operationId = "listOrders", summary = "The caller's orders, newest first (paged)")
    @GetMapping
    PageResponse<OrderResponse> list(
            @RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize,
            CurrentUser user) {
        Page<OrderResponse> found = queries.ofUser(user.id(), page, pageSize).map(OrderResponse::of);
        return PageResponse.of(found);
    }

    @Operation(
            operationId = "cancelOrder",
            summary = "Cancel a completed order (owner or admin; 202: the order-cancel saga runs)",
            description = """
            Refunds the points it used, releases its coupon (usable again while valid) and restores its stock; \
            the order becomes CANCELLED. 409 when the order is not COMPLETED or a cancellation runs; 404 for \
            another user's order. A cancellation that cannot finish leaves the order COMPLETED with \
            `cancel_status: FAILED` and its reason; it may be cancelled again.""")
    @ApiResponse(responseCode = "202", description = "Accepted: the order-cancel saga runs", useReturnTypeSchema = true)
    @ProblemResponse(status = 404, codes = "ORDER_NOT_FOUND")
    @ProblemResponse(
            status = 409,
            codes = {"ORDER_NOT_CANCELLABLE", "ORDER_CANCEL_IN_PROGRESS"})
    @PostMapping("/{orderId}/cancel")
    ResponseEntity<OrderResponse> cancel(@PathVariable long orderId, CurrentUser user) {
        return ResponseEntity.accepted().body(OrderResponse.of(cancelling.cancel(orderId, user.id(), user.isAdmin())));
    }
}
