package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.application.port.ChargeRequests;
import com.creatorcommerce.point.domain.PointChargeRequest;
import com.creatorcommerce.point.domain.RefundStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Charge requests in JPA; also the gauge of refunds that failed (read from the table). */
@Repository
class JpaChargeRequests implements ChargeRequests {

    @PersistenceContext
    private EntityManager em;

    JpaChargeRequests(MeterRegistry meters) {
        Gauge.builder("point.charge.refund.failed.open", () -> {
                    try {
                        return countRefundFailed();
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description("Charge requests whose customer paid, got no points and no refund")
                .register(meters);
    }

    @Override
    public void add(PointChargeRequest request) {
        em.persist(request);
    }

    @Override
    public Optional<PointChargeRequest> find(long id) {
        return Optional.ofNullable(em.find(PointChargeRequest.class, id));
    }

    @Override
    public Optional<PointChargeRequest> lock(long id) {
        return Optional.ofNullable(em.find(PointChargeRequest.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void writeNow(PointChargeRequest request) {
        em.flush();
    }

    @Override
    public boolean paymentKeyUsed(String paymentKey) {
        return !em.createQuery("select r.id from PointChargeRequest r where r.paymentKey = :key", Long.class)
                .setParameter("key", paymentKey)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    /** Requests whose customer paid, got no points and no refund (REFUND_FAILED). */
    long countRefundFailed() {
        return em.createQuery("select count(r) from PointChargeRequest r where r.refund.status = :status", Long.class)
                .setParameter("status", RefundStatus.REFUND_FAILED)
                .getSingleResult();
    }
}
