package com.creatorcommerce.payment.application.port;

import com.creatorcommerce.payment.domain.PaymentTombstone;
import java.util.Optional;

/** Payment keys cancelled before their payment was approved (table {@code payment_tombstones}). */
public interface PaymentTombstones {

    /**
     * The tombstone of {@code paymentKey}, read with a lock (so a tombstone committed by a concurrent cancel is seen,
     * whatever the transaction read before) and held until commit.
     */
    Optional<PaymentTombstone> lock(String paymentKey);

    /** Stores a new tombstone at once (callers look for the key's tombstone with {@link #lock} first). */
    void add(PaymentTombstone tombstone);
}
