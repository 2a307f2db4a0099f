package com.creatorcommerce.payment.application.port;

import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments (table {@code payments}). */
public interface Payments {

    Optional<Payment> find(long id);

    Optional<Payment> findByPaymentKey(String paymentKey);

    /** The payment row locked until commit: settling an outcome is serialised between listener and reconciler. */
    Optional<Payment> lock(long id);

    /** The payment with this key, its row locked until commit. */
    Optional<Payment> lockByPaymentKey(String paymentKey);

    /** Stores a new payment at once (a duplicate key fails here, inside the caller's transaction). */
    void add(Payment payment);

    /** A user's payments, newest first. */
    Page<Payment> ofUser(long userId, int page, int pageSize);

    /**
     * Ids of the payments due for the reconciliation job at {@code dueBy} (PENDING, or FAILED awaiting a re-check),
     * the earliest due first: a row that keeps failing is backed off behind newer ones instead of starving them.
     */
    List<Long> idsDue(Instant dueBy, int limit);
}
