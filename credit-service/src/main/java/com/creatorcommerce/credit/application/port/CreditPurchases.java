package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.CreditPurchase;
import java.util.Optional;

/** Purchases of credit packages (table {@code credit_purchases}). */
public interface CreditPurchases {

    Optional<CreditPurchase> find(long id);

    /** Reads the purchase with its row locked until the transaction ends. */
    Optional<CreditPurchase> lock(long id);

    Optional<CreditPurchase> findByPaymentKey(String paymentKey);

    /**
     * Inserts it now (flushed), so that the unique payment key decides a race at once.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when another purchase has its payment key
     */
    void add(CreditPurchase purchase);
}
