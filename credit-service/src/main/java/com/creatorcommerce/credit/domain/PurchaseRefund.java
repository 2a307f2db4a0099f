package com.creatorcommerce.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A payment approved for a {@link CreditPurchase} that will not be credited (the purchase had failed, or the approval
 * did not match it), given back: asked, done, or refused by the PG with its code and reason (the customer paid and
 * got nothing: ops must act). Null while nothing is given back.
 */
@Embeddable
public record PurchaseRefund(
        @Enumerated(EnumType.STRING) @Column(name = "refund_status", length = 16)
        RefundStatus status,

        @Column(name = "refund_failure_code", length = 64) String failureCode,

        @Column(name = "refund_failure_reason", length = 500)
        String failureReason) {

    static PurchaseRefund requested() {
        return new PurchaseRefund(RefundStatus.REQUESTED, null, null);
    }

    static PurchaseRefund refunded() {
        return new PurchaseRefund(RefundStatus.REFUNDED, null, null);
    }

    static PurchaseRefund failed(String code, String reason) {
        return new PurchaseRefund(
                RefundStatus.REFUND_FAILED,
                PurchaseFailure.truncate(code, PurchaseFailure.CODE),
                PurchaseFailure.truncate(reason, PurchaseFailure.REASON));
    }

    public boolean isRefunded() {
        return status == RefundStatus.REFUNDED;
    }
}
