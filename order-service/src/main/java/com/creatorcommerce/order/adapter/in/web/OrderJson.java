package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.application.order.OrderView;
import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.order.domain.order.OrderItem;
import com.creatorcommerce.platform.snowflake.IdString;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The JSON of the orders API (snake_case; ids as strings). */
final class OrderJson {

    private OrderJson() {}

    /** A line to order: an option and its units. */
    record LineRequest(
            @NotNull @IdText String productOptionId,
            @NotNull Integer quantity) {}

    /** Points to buy with the payment the client authorised at the PG, before paying. */
    record ChargeRequest(Long amount, @Size(max = 200) String paymentKey) {}

    /** {@code items} or {@code from_cart: true}; optional {@code user_coupon_id} and {@code charge}. */
    record PlaceOrderRequest(
            @Size(max = 1_000) List<@NotNull @Valid LineRequest> items,
            Boolean fromCart,
            @IdText String userCouponId,
            @Valid ChargeRequest charge) {}

    record ItemResponse(
            @IdString long id,
            @IdString long productOptionId,
            String productName,
            String optionName,
            String sku,
            long price,
            int quantity,
            long subtotal) {

        static ItemResponse of(OrderItem item) {
            return new ItemResponse(
                    item.id(),
                    item.productOptionId(),
                    item.productName(),
                    item.optionName(),
                    item.sku(),
                    item.price(),
                    item.quantity(),
                    item.subtotal());
        }
    }

    /**
     * @param pointsCharged the points were credited to the wallet: they stay there whatever becomes of the order
     */
    record ChargeResponse(
            long amount, boolean pointsCharged, @IdString Long paymentId) {}

    /**
     * An order. {@code saga_*} and {@code current_step} show its latest saga (the cancellation's once there is one);
     * they are null in listings.
     */
    record OrderResponse(
            @IdString long id,
            @IdString long userId,
            String status,
            long totalAmount,
            long discountAmount,
            long finalAmount,
            @IdString Long userCouponId,
            ChargeResponse charge,
            List<ItemResponse> items,
            String failureCode,
            String failureReason,
            String cancelStatus,
            String sagaType,
            String sagaStatus,
            String currentStep,
            Instant createdAt,
            Instant updatedAt,
            Instant completedAt,
            Instant cancelledAt) {

        static OrderResponse of(OrderView view) {
            Order o = view.order();
            return new OrderResponse(
                    o.id(),
                    o.userId(),
                    o.status().name(),
                    o.totalAmount(),
                    o.discountAmount(),
                    o.finalAmount(),
                    o.userCouponId(),
                    o.charge() == null
                            ? null
                            : new ChargeResponse(
                                    o.charge().amount(),
                                    o.charge().pointsCharged(),
                                    o.charge().paymentId()),
                    o.items().stream().map(ItemResponse::of).toList(),
                    o.failure() == null ? null : o.failure().code().name(),
                    o.failureReason(),
                    o.cancelStatus() == null ? null : o.cancelStatus().name(),
                    view.saga() == null ? null : view.saga().type(),
                    view.saga() == null ? null : view.saga().status(),
                    view.saga() == null ? null : view.saga().currentStep(),
                    o.times().createdAt(),
                    o.times().updatedAt(),
                    o.times().completedAt(),
                    o.times().cancelledAt());
        }
    }
}
