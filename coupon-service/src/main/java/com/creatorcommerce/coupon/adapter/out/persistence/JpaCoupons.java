package com.creatorcommerce.coupon.adapter.out.persistence;

import com.creatorcommerce.coupon.application.port.Coupons;
import com.creatorcommerce.coupon.domain.Coupon;
import com.creatorcommerce.platform.kernel.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class JpaCoupons implements Coupons {

    private static final String ISSUABLE = """
            from Coupon c
            where c.active = true and c.validFrom <= :now and c.validUntil > :now
              and (c.totalQuantity is null or c.issuedQuantity < c.totalQuantity)""";

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<Coupon> find(long id) {
        return Optional.ofNullable(em.find(Coupon.class, id));
    }

    @Override
    public Optional<Coupon> findForUpdate(long id) {
        return Optional.ofNullable(em.find(Coupon.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void add(Coupon coupon) {
        em.persist(coupon);
    }

    @Override
    public Page<Coupon> issuable(Instant now, int page, int pageSize) {
        List<Coupon> items = em.createQuery("select c " + ISSUABLE + " order by c.validUntil, c.id", Coupon.class)
                .setParameter("now", now)
                .setFirstResult(offset(page, pageSize))
                .setMaxResults(pageSize)
                .getResultList();
        long total = em.createQuery("select count(c) " + ISSUABLE, Long.class)
                .setParameter("now", now)
                .getSingleResult();
        return new Page<>(items, total, page, pageSize);
    }

    @Override
    public Page<Coupon> all(int page, int pageSize) {
        List<Coupon> items = em.createQuery("select c from Coupon c order by c.createdAt desc, c.id desc", Coupon.class)
                .setFirstResult(offset(page, pageSize))
                .setMaxResults(pageSize)
                .getResultList();
        long total = em.createQuery("select count(c) from Coupon c", Long.class).getSingleResult();
        return new Page<>(items, total, page, pageSize);
    }

    static int offset(int page, int pageSize) {
        return Math.toIntExact(Math.min(Integer.MAX_VALUE, Page.offset(page, pageSize)));
    }
}
