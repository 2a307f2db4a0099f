package com.creatorcommerce.order.domain.order;

/**
 * The points an order buys with a payment before paying. Points credited stay in the wallet whatever becomes of the
 * order (a completed purchase of points), and the order says so.
 *
 * @param amount KRW (= points)
 * @param pointsCharged the points were credited to the wallet
 * @param paymentId the approved payment, once known
 */
public record OrderCharge(long amount, boolean pointsCharged, Long paymentId) {

    public OrderCharge {
        if (amount < 1) {
            throw new IllegalArgumentException("a charge is positive: " + amount);
        }
    }

    /** What the saga found out: the payment and whether the points were credited. */
    public OrderCharge settled(boolean charged, Long payment) {
        return new OrderCharge(amount, charged, payment);
    }
}
