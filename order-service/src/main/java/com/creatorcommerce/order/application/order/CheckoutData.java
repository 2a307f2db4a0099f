package com.creatorcommerce.order.application.order;

import com.creatorcommerce.order.domain.order.Order;
import com.creatorcommerce.order.domain.order.OrderItem;
import java.util.List;

/**
 * The data of a charge-then-order saga ({@code order.checkout}), stored as JSON with the saga: what its steps need
 * and what they found out (the coupon's discount, the charge's payment, whether its points were credited). Keep the
 * JSON shape readable by running instances when changing it.
 *
 * @param lines what the order reserves (one line per option)
 * @param userCouponId the coupon to reserve; null without
 * @param chargeAmount points to buy with the payment {@code paymentKey} before paying; null without
 * @param paymentId the approved payment of the charge, once known
 * @param pointsCharged the bought points were credited: they stay, so the payment is not cancelled any more
 */
public record CheckoutData(
        long orderId,
        long userId,
        List<Line> lines,
        long totalAmount,
        Long userCouponId,
        long discountAmount,
        Long chargeAmount,
        String paymentKey,
        Long paymentId,
        boolean pointsCharged) {

    /** Units of one option. */
    public record Line(long productOptionId, int quantity) {}

    public CheckoutData {
        lines = List.copyOf(lines);
    }

    /** The saga's data for a freshly placed order. */
    public static CheckoutData of(Order order, String paymentKey) {
        List<Line> lines = order.items().stream()
                .map((OrderItem item) -> new Line(item.productOptionId(), item.quantity()))
                .toList();
        return new CheckoutData(
                order.id(),
                order.userId(),
                lines,
                order.totalAmount(),
                order.userCouponId(),
                0,
                order.charge() == null ? null : order.charge().amount(),
                paymentKey,
                null,
                false);
    }

    public boolean hasCoupon() {
        return userCouponId != null;
    }

    public boolean hasCharge() {
        return chargeAmount != null;
    }

    /** What the order costs in points after the coupon. */
    public long finalAmount() {
        return totalAmount - discountAmount;
    }

    /** The coupon's discount, kept within 0..total whatever the coupon answered. */
    public CheckoutData withDiscount(long discount) {
        return new CheckoutData(
                orderId,
                userId,
                lines,
                totalAmount,
                userCouponId,
                Math.max(0, Math.min(discount, totalAmount)),
                chargeAmount,
                paymentKey,
                paymentId,
                pointsCharged);
    }

    public CheckoutData withPayment(long approvedPaymentId) {
        return new CheckoutData(
                orderId,
                userId,
                lines,
                totalAmount,
                userCouponId,
                discountAmount,
                chargeAmount,
                paymentKey,
                approvedPaymentId,
                pointsCharged);
    }

    public CheckoutData withPointsCharged() {
        return new CheckoutData(
                orderId,
                userId,
                lines,
                totalAmount,
                userCouponId,
                discountAmount,
                chargeAmount,
                paymentKey,
                paymentId,
                true);
    }
}
