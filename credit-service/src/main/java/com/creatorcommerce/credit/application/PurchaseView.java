package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.Price;
import com.creatorcommerce.credit.domain.PurchaseStatus;
import com.creatorcommerce.credit.domain.RefundStatus;
import java.time.Instant;

/** A purchase as its buyer sees it. */
public record PurchaseView(
        long id,
        long userId,
        String packageId,
        String packageName,
        long credits,
        Price price,
        String paymentMethod,
        PurchaseStatus status,
        Long paymentId,
        Long transactionId,
        Long balanceAfter,
        String failureCode,
        String failureReason,
        RefundStatus refundStatus,
        Instant createdAt,
        Instant completedAt,
        Instant failedAt) {

    static PurchaseView of(CreditPurchase p) {
        return new PurchaseView(
                p.id(),
                p.userId(),
                p.packageId(),
                p.packageName(),
                p.credits(),
                p.price(),
                p.paymentMethod(),
                p.status(),
                p.paymentId(),
                p.transactionId(),
                p.balanceAfter(),
                p.failureCode(),
                p.failureReason(),
                p.refundStatus(),
                p.createdAt(),
                p.completedAt(),
                p.failedAt());
    }

    public boolean settled() {
        return status != PurchaseStatus.PENDING;
    }
}
