package com.creatorcommerce.credit.adapter.out.persistence;

import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.domain.CreditPurchase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** {@link CreditPurchases} on JPA (table {@code credit_purchases}). */
@Repository
class JpaCreditPurchases implements CreditPurchases {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<CreditPurchase> find(long id) {
        return Optional.ofNullable(em.find(CreditPurchase.class, id));
    }

    @Override
    public Optional<CreditPurchase> lock(long id) {
        return Optional.ofNullable(em.find(CreditPurchase.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<CreditPurchase> findByPaymentKey(String paymentKey) {
        return em.createQuery("select p from CreditPurchase p where p.paymentKey = :key", CreditPurchase.class)
                .setParameter("key", paymentKey)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(CreditPurchase purchase) {
        em.persist(purchase);
        em.flush();
    }
}
