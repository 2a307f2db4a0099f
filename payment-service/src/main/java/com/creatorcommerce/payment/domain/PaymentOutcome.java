package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * Where a {@link Payment} stands, as its requester is told: PENDING until the PG's answer is known, then SUCCESS
 * (approved for the requested amount, {@code paid_at}) or FAILED (why: {@link PaymentFailure}); an approved payment
 * becomes PARTIALLY_CANCELLED or CANCELLED as the PG cancels it. The payment decides when; this part keeps the status
 * and what goes with it consistent.
 */
@Embeddable
public class PaymentOutcome {

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status", nullable = false)
    private PaymentStatus status;

    @Column(name = "paid_at")
    private Instant paidAt;

    /** Null until it failed. */
    @Embedded
    private PaymentFailure failure;

    protected PaymentOutcome() {}

    static PaymentOutcome pending() {
        PaymentOutcome o = new PaymentOutcome();
        o.status = PaymentStatus.PENDING;
        return o;
    }

    boolean isPending() {
        return status == PaymentStatus.PENDING;
    }

    boolean isFailed() {
        return status == PaymentStatus.FAILED;
    }

    /** Approved for the requested amount, paid at {@code at}. */
    void approved(Instant at) {
        status = PaymentStatus.SUCCESS;
        paidAt = at;
    }

    void failed(String code, String message, Instant at) {
        status = PaymentStatus.FAILED;
        failure = PaymentFailure.of(code, message, at);
    }

    /** The PG cancelled some of it and {@code left} is still approved: an approved payment is (partly) cancelled. */
    void cancelled(long left) {
        if (status.isCancellable()) {
            status = left == 0 ? PaymentStatus.CANCELLED : PaymentStatus.PARTIALLY_CANCELLED;
        }
    }

    public PaymentStatus status() {
        return status;
    }

    /** When it was approved; null unless it was (for the requested amount). */
    public Instant paidAt() {
        return paidAt;
    }

    /** Why it failed; null unless FAILED. */
    public PaymentFailure failure() {
        return failure;
    }

    /** FAILED because the PG approved another amount than requested. */
    public boolean amountMismatch() {
        return failure != null && failure.amountMismatch();
    }
}
