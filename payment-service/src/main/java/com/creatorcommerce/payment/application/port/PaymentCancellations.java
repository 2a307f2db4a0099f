package com.creatorcommerce.payment.application.port;

import com.creatorcommerce.payment.domain.PaymentCancellation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cancellations of payments (table {@code payment_cancellations}). */
public interface PaymentCancellations {

    Optional<PaymentCancellation> find(long id);

    /** The cancellation, its row locked until commit. */
    Optional<PaymentCancellation> lock(long id);

    /** The cancellation a requester asked for with {@code cancelRequestId} (its idempotency key). */
    Optional<PaymentCancellation> findByRequest(long paymentId, String cancelRequestId);

    /** The cancellations of a payment, oldest first. */
    List<PaymentCancellation> ofPayment(long paymentId);

    /** Amount held by the payment's cancellations not answered yet (reserved against its cancellable amount). */
    long amountRequested(long paymentId);

    /** Stores a new cancellation at once. */
    void add(PaymentCancellation cancellation);

    /** Ids of the REQUESTED cancellations due for the reconciliation job at {@code dueBy}, the earliest due first. */
    List<Long> idsDue(Instant dueBy, int limit);
}
