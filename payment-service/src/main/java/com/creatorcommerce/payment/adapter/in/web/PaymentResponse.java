package com.creatorcommerce.payment.adapter.in.web;

import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import com.creatorcommerce.payment.domain.PaymentFailure;
import com.creatorcommerce.payment.domain.RequestedPayment;
import com.creatorcommerce.platform.snowflake.IdString;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A payment as its owner sees it. */
record PaymentResponse(
        @IdString long id,
        String paymentKey,
        String purpose,
        @IdString long referenceId,
        long amount,

        @Schema(
                description = "ISO 4217 code of amount, approved_amount, cancelled_amount and the"
                        + " cancellations' amounts, all in its minor unit (KRW has none, USD counts cents)",
                example = "USD",
                pattern = "^[A-Z]{3}$")
        String currency,

        Long approvedAmount,
        long cancelledAmount,
        String status,
        String failureCode,
        String failureMessage,
        Instant paidAt,
        Instant failedAt,
        Instant createdAt,
        Instant updatedAt,
        List<CancellationResponse> cancellations) {

    record CancellationResponse(
            @IdString long id,
            long cancelAmount,
            String status,
            String cancelReason,
            String failureCode,
            Instant cancelledAt,
            Instant createdAt) {

        static CancellationResponse of(PaymentCancellation c) {
            return new CancellationResponse(
                    c.id(),
                    c.requested().amount(),
                    c.status().name(),
                    c.requested().reason(),
                    c.failureCode(),
                    c.cancelledAt(),
                    c.createdAt());
        }
    }

    static PaymentResponse of(Payment p, List<PaymentCancellation> cancellations) {
        RequestedPayment asked = p.requested();
        PaymentFailure failure = p.outcome().failure();
        return new PaymentResponse(
                p.id(),
                asked.paymentKey(),
                asked.purpose().name(),
                asked.referenceId(),
                asked.amount(),
                asked.currency(),
                p.holding().approvedAmount(),
                p.holding().cancelledAmount(),
                p.status().name(),
                failure == null ? null : failure.code(),
                failure == null ? null : failure.message(),
                p.outcome().paidAt(),
                failure == null ? null : failure.at(),
                p.createdAt(),
                p.updatedAt(),
                cancellations == null
                        ? null
                        : cancellations.stream().map(CancellationResponse::of).toList());
    }
}
