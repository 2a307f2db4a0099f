package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.application.port.CancelledPayments;
import com.creatorcommerce.point.domain.CancelledPayment;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Repository;

@Repository
class JpaCancelledPayments implements CancelledPayments {

    @PersistenceContext
    private EntityManager em;

    @Override
    public boolean isCancelled(long paymentId) {
        return em.find(CancelledPayment.class, paymentId) != null;
    }

    @Override
    public void record(CancelledPayment payment) {
        if (em.find(CancelledPayment.class, payment.paymentId()) == null) {
            em.persist(payment);
        }
    }
}
