package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.application.port.OrderClosures;
import com.creatorcommerce.point.domain.PointOrderClosure;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.stereotype.Repository;

@Repository
class JpaOrderClosures implements OrderClosures {

    @PersistenceContext
    private EntityManager em;

    @Override
    public boolean isClosed(long orderId) {
        return em.find(PointOrderClosure.class, orderId) != null;
    }

    @Override
    public void close(PointOrderClosure closure) {
        if (em.find(PointOrderClosure.class, closure.orderId()) == null) {
            em.persist(closure);
        }
    }
}
