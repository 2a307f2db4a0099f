package com.creatorcommerce.point.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * Giving back a payment that was approved for a {@link PointChargeRequest} but not credited (the request had failed,
 * or the approval did not match it): asked of payment-service, then REFUNDED or REFUND_FAILED as the PG answered. A
 * done refund stays done; a refused one stays visible until a later cancel succeeds. Null on a request that had
 * nothing to give back.
 *
 * @param amount what the PG gave back (REFUNDED)
 * @param failureCode why the PG refused the cancel (REFUND_FAILED; at most 64 characters)
 * @param failureReason its message (at most 500 characters)
 */
@Embeddable
public record ChargeRefund(
        @Enumerated(EnumType.STRING) @Column(name = "refund_status")
        RefundStatus status,

        @Column(name = "refunded_amount") Long amount,
        @Column(name = "refund_failure_code") String failureCode,
        @Column(name = "refund_failure_reason") String failureReason,
        @Column(name = "refund_requested_at") Instant requestedAt,
        @Column(name = "refund_settled_at") Instant settledAt) {

    /** The cancel of the payment was asked for at {@code now}. */
    static ChargeRefund requested(Instant now) {
        return new ChargeRefund(RefundStatus.REQUESTED, null, null, null, now, null);
    }

    boolean done() {
        return status == RefundStatus.REFUNDED;
    }

    /** The PG gave {@code refunded} back at {@code now}. */
    ChargeRefund refunded(long refunded, Instant now) {
        return new ChargeRefund(RefundStatus.REFUNDED, refunded, null, null, requestedAt, now);
    }

    /** The PG refused the cancel at {@code now}: the customer paid and has neither points nor the money back. */
    ChargeRefund refused(String code, String reason, Instant now) {
        return new ChargeRefund(
                RefundStatus.REFUND_FAILED, amount, clip(code, 64), clip(reason, 500), requestedAt, now);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
