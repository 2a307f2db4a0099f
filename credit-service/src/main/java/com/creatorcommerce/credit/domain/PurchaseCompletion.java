package com.creatorcommerce.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * How a {@link CreditPurchase} was paid and credited: payment-service's payment, the history row that added its
 * credits and the balance after it, and when. Null until the purchase is COMPLETED.
 */
@Embeddable
public record PurchaseCompletion(
        @Column(name = "payment_id") Long paymentId,
        @Column(name = "transaction_id") Long transactionId,
        @Column(name = "balance_after") Long balanceAfter,
        @Column(name = "completed_at") Instant at) {}
