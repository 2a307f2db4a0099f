package com.creatorcommerce.order.domain.order;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order (seed 004 {@code orders} with its {@code order_items}): immutable; every transition answers the order as
 * it is afterwards. Amounts are exact KRW: {@code total} is the sum of the items' subtotals, {@code final = total -
 * discount}, and the discount never exceeds the total.
 *
 * <p>Life: {@link #place} (PENDING) → {@link #complete} (COMPLETED) or {@link #fail} (CANCELLED with a
 * {@link FailureCode}). A COMPLETED order may be cancelled: {@link #requestCancel} (cancel IN_PROGRESS) →
 * {@link #cancelled} (CANCELLED) or {@link #cancelFailed} (stays COMPLETED, may be cancelled again).
 *
 * @param failure why it was cancelled or why its cancellation failed; null otherwise
 * @param cancelStatus the cancellation of a completed order; null when nobody asked for one
 * @param checkoutSagaId its charge-then-order saga; null until started (in the transaction that placed it)
 * @param cancelSagaId its order-cancel saga; null while nobody asked to cancel it
 * @param idempotencyKey the client's Idempotency-Key of the request that placed it
 */
public record Order(
        long id,
        long userId,
        OrderStatus status,
        List<OrderItem> items,
        long discountAmount,
        Long userCouponId,
        OrderCharge charge,
        boolean fromCart,
        OrderFailure failure,
        CancelStatus cancelStatus,
        Long checkoutSagaId,
        Long cancelSagaId,
        String idempotencyKey,
        OrderTimes times) {

    public Order {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(times, "times");
        items = List.copyOf(items);
        if (id <= 0 || userId <= 0 || items.isEmpty()) {
            throw new IllegalArgumentException("an order needs positive ids and at least one item");
        }
        if (discountAmount < 0 || discountAmount > totalOf(items)) {
            throw new IllegalArgumentException("the discount must be within 0..total: " + discountAmount);
        }
    }

    /** A new PENDING order of these items (snapshots), without a discount yet. */
    public static Order place(
            long id,
            long userId,
            List<OrderItem> items,
            Long userCouponId,
            Long chargeAmount,
            boolean fromCart,
            String idempotencyKey,
            Instant now) {
        OrderCharge charge = chargeAmount == null ? null : new OrderCharge(chargeAmount, false, null);
        return new Order(
                id,
                userId,
                OrderStatus.PENDING,
                items,
                0,
                userCouponId,
                charge,
                fromCart,
                null,
                null,
                null,
                null,
                idempotencyKey,
                OrderTimes.placed(now));
    }

    public long totalAmount() {
        return totalOf(items);
    }

    public long finalAmount() {
        return totalAmount() - discountAmount;
    }

    public int totalQuantity() {
        return items.stream().mapToInt(OrderItem::quantity).sum();
    }

    public boolean pointsCharged() {
        return charge != null && charge.pointsCharged();
    }

    /** The owner sees it; an admin sees every order. */
    public boolean visibleTo(long callerId, boolean admin) {
        return admin || callerId == userId;
    }

    /**
     * The discount a coupon gives this order: within 0..total whatever the coupon answered (its contract promises
     * that range; a value outside it is cut to it rather than charging a negative or more than the total).
     */
    public long boundedDiscount(long discount) {
        return Math.max(0, Math.min(discount, totalAmount()));
    }

    /** PENDING → COMPLETED: paid with points, with what the saga found out about the discount and the charge. */
    public Order complete(long discount, Long paymentId, boolean charged, Instant now) {
        require(status == OrderStatus.PENDING, "complete");
        return next(
                OrderStatus.COMPLETED,
                boundedDiscount(discount),
                settled(charged, paymentId),
                null,
                null,
                times.completed(now));
    }

    /** PENDING → CANCELLED: the order failed; points charged on the way stay credited and the order says so. */
    public Order fail(FailureCode why, long discount, Long paymentId, boolean charged, Instant now) {
        return fail(why, null, discount, paymentId, charged, now);
    }

    /** As {@link #fail(FailureCode, long, Long, boolean, Instant)}, with what the refusing service said. */
    public Order fail(FailureCode why, String detail, long discount, Long paymentId, boolean charged, Instant now) {
        require(status == OrderStatus.PENDING, "fail");
        return next(
                OrderStatus.CANCELLED,
                boundedDiscount(discount),
                settled(charged, paymentId),
                new OrderFailure(why, detail),
                null,
                times.cancelled(now));
    }

    /**
     * A cancellation of a COMPLETED order starts.
     *
     * @throws OrderRefusedException ORDER_CANCEL_IN_PROGRESS when one runs, ORDER_NOT_CANCELLABLE when the order is
     *     not COMPLETED
     */
    public Order requestCancel(Instant now) {
        if (status == OrderStatus.COMPLETED && cancelStatus == CancelStatus.IN_PROGRESS) {
            throw new OrderRefusedException(
                    OrderRefusal.ORDER_CANCEL_IN_PROGRESS, "The order is being cancelled already.");
        }
        if (status != OrderStatus.COMPLETED) {
            throw new OrderRefusedException(
                            OrderRefusal.ORDER_NOT_CANCELLABLE,
                            "Only a completed order can be cancelled; this one is " + status + ".")
                    .with("order_status", status.name());
        }
        return next(status, discountAmount, charge, failure, CancelStatus.IN_PROGRESS, times.touched(now));
    }

    /**
     * The cancellation finished: CANCELLED ({@code by}: CANCELLED_BY_USER or CANCELLED_BY_ADMIN). Also from a FAILED
     * cancellation: an operator retried its parked saga, which then finished.
     */
    public Order cancelled(FailureCode by, Instant now) {
        require(
                status == OrderStatus.COMPLETED
                        && (cancelStatus == CancelStatus.IN_PROGRESS || cancelStatus == CancelStatus.FAILED),
                "finish cancelling");
        return next(
                OrderStatus.CANCELLED,
                discountAmount,
                charge,
                new OrderFailure(by, null),
                CancelStatus.DONE,
                times.cancelled(now));
    }

    /** The cancellation could not finish: the order stays COMPLETED with the reason, and may be cancelled again. */
    public Order cancelFailed(FailureCode why, Instant now) {
        return cancelFailed(why, null, now);
    }

    /** As {@link #cancelFailed(FailureCode, Instant)}, with what the refusing service said (or which step). */
    public Order cancelFailed(FailureCode why, String detail, Instant now) {
        require(status == OrderStatus.COMPLETED && cancelStatus == CancelStatus.IN_PROGRESS, "fail cancelling");
        return next(
                status, discountAmount, charge, new OrderFailure(why, detail), CancelStatus.FAILED, times.touched(now));
    }

    /** The text {@code failure_reason} shows (see {@link OrderFailure#reason()}); null without a failure. */
    public String failureReason() {
        return failure == null ? null : failure.reason();
    }

    /** This order after a transition: what a transition may change; the items, ids and saga ids never do. */
    private Order next(
            OrderStatus to, long discount, OrderCharge charged, OrderFailure why, CancelStatus cancel, OrderTimes at) {
        return new Order(
                id,
                userId,
                to,
                items,
                discount,
                userCouponId,
                charged,
                fromCart,
                why,
                cancel,
                checkoutSagaId,
                cancelSagaId,
                idempotencyKey,
                at);
    }

    private OrderCharge settled(boolean charged, Long paymentId) {
        return charge == null ? null : charge.settled(charged, paymentId);
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new IllegalStateException("Order " + id + " cannot " + what + ": it is " + status
                    + (cancelStatus == null ? "" : " (cancel " + cancelStatus + ")"));
        }
    }

    private static long totalOf(List<OrderItem> items) {
        return items.stream().mapToLong(OrderItem::subtotal).reduce(0L, Math::addExact);
    }
}
