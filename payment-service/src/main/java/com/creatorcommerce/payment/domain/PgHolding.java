package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What the PG holds of a {@link Payment}: the amount it approved ({@code approved_amount}, null until it approved
 * any) and how much of that has been cancelled since ({@code cancelled_amount}). An approval counts until it is
 * cancelled, whether or not the payment is treated as approved here (an approval for a wrong amount, or one that
 * came after the payment failed, is held all the same and must be given back).
 */
@Embeddable
public class PgHolding {

    @Column(name = "approved_amount")
    private Long approvedAmount;

    @Column(name = "cancelled_amount", nullable = false)
    private long cancelledAmount;

    protected PgHolding() {}

    static PgHolding nothing() {
        return new PgHolding();
    }

    void approved(long amount) {
        approvedAmount = amount;
    }

    boolean approvalRecorded() {
        return approvedAmount != null;
    }

    /** What the PG holds and was not cancelled yet. */
    long cancellable() {
        long approved = approvedAmount == null ? 0 : approvedAmount;
        return Math.max(0, approved - cancelledAmount);
    }

    /**
     * The PG cancelled {@code amount} of it.
     *
     * @throws IllegalStateException when that is more than it holds (or not positive)
     */
    void cancelled(long amount, long paymentId) {
        if (amount <= 0 || amount > cancellable()) {
            throw new IllegalStateException(
                    "Cannot cancel " + amount + " of payment " + paymentId + " (cancellable " + cancellable() + ")");
        }
        cancelledAmount += amount;
    }

    /** What the PG approved; null until it approved any. */
    public Long approvedAmount() {
        return approvedAmount;
    }

    /** How much of the approval was cancelled since. */
    public long cancelledAmount() {
        return cancelledAmount;
    }
}
