package com.creatorcommerce.coupon.adapter.out.persistence;

import com.creatorcommerce.coupon.application.port.CouponUsages;
import com.creatorcommerce.coupon.domain.CouponUsage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class JpaCouponUsages implements CouponUsages {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<CouponUsage> find(long userCouponId, long orderId) {
        return em.createQuery(
                        "select u from CouponUsage u where u.userCouponId = :userCouponId "
                                + "and u.orderId = :orderId",
                        CouponUsage.class)
                .setParameter("userCouponId", userCouponId)
                .setParameter("orderId", orderId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(CouponUsage usage) {
        em.persist(usage);
    }
}
