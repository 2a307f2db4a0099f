package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.Price;
import com.creatorcommerce.credit.domain.PurchaseCompletion;
import com.creatorcommerce.credit.domain.PurchaseFailure;
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
        PurchaseCompletion done = p.completion();
        PurchaseFailure failure = p.failure();
        return new PurchaseView(
                p.id(),
                p.userId(),
                p.packageId(),
                p.packageName(),
                p.credits(),
                p.price(),
                p.paymentMethod(),
                p.status(),
                done == null ? null : done.paymentId(),
                done == null ? null : done.transactionId(),
                done == null ? null : done.balanceAfter(),
                failure == null ? null : failure.code(),
                failure == null ? null : failure.reason(),
                p.refund() == null ? null : p.refund().status(),
                p.createdAt(),
                done == null ? null : done.at(),
                failure == null ? null : failure.at());
    }

    public boolean settled() {
        return status != PurchaseStatus.PENDING;
    }
}
