package com.creatorcommerce.order.domain.order;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;

/**
 * What an order may charge (buy points with a payment before paying): the same limits as a point charge.
 *
 * @param minAmount smallest charge, KRW
 * @param maxAmount largest charge, KRW
 */
public record ChargePolicy(long minAmount, long maxAmount) {

    public ChargePolicy {
        if (minAmount < 1 || maxAmount < minAmount) {
            throw new IllegalArgumentException("charge limits need 1 <= min <= max: " + minAmount + ".." + maxAmount);
        }
    }

    /**
     * @throws OrderRefusedException CHARGE_AMOUNT_OUT_OF_RANGE (with {@code min_amount}, {@code max_amount}),
     *     PAYMENT_KEY_REQUIRED
     */
    public void check(Long amount, String paymentKey) {
        if (amount == null || amount < minAmount || amount > maxAmount) {
            throw new OrderRefusedException(
                            OrderRefusal.CHARGE_AMOUNT_OUT_OF_RANGE,
                            "A charge is " + minAmount + " to " + maxAmount + " KRW.")
                    .with("min_amount", minAmount)
                    .with("max_amount", maxAmount);
        }
        if (paymentKey == null || paymentKey.isBlank()) {
            throw new OrderRefusedException(
                    OrderRefusal.PAYMENT_KEY_REQUIRED,
                    "A charge needs the payment_key the payment gateway gave the client.");
        }
    }
}
