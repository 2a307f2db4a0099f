package com.creatorcommerce.coupon.adapter.out.persistence;

import com.creatorcommerce.coupon.application.port.UserCoupons;
import com.creatorcommerce.coupon.domain.Coupon;
import com.creatorcommerce.coupon.domain.UserCoupon;
import com.creatorcommerce.platform.kernel.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Repository;

@Repository
class JpaUserCoupons implements UserCoupons {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<UserCoupon> findForUpdate(long userCouponId) {
        return Optional.ofNullable(em.find(UserCoupon.class, userCouponId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Page<Owned> owned(long userId, Filter filter, Instant now, int page, int pageSize) {
        // served by idx_user_coupons_user_id (user_id, is_used, expires_at)
        String where = switch (filter == null ? "ALL" : filter.name()) {
            case "UNUSED" -> " and uc.used = false and uc.expiresAt > :now";
            case "USED" -> " and uc.used = true";
            case "EXPIRED" -> " and uc.used = false and uc.expiresAt <= :now";
            default -> "";
        };
        boolean usesNow = where.contains(":now");
        TypedQuery<Object[]> items = em.createQuery(
                "select uc, c from UserCoupon uc, Coupon c "
                        + "where c.id = uc.couponId and uc.userId = :userId" + where
                        + " order by uc.issuedAt desc, uc.id desc",
                Object[].class);
        TypedQuery<Long> count =
                em.createQuery("select count(uc) from UserCoupon uc where uc.userId = :userId" + where, Long.class);
        items.setParameter("userId", userId);
        count.setParameter("userId", userId);
        if (usesNow) {
            items.setParameter("now", now);
            count.setParameter("now", now);
        }
        List<Owned> owned =
                items.setFirstResult(JpaCoupons.offset(page, pageSize)).setMaxResults(pageSize).getResultList().stream()
                        .map(row -> new Owned((UserCoupon) row[0], ((Coupon) row[1]).snapshot()))
                        .toList();
        return new Page<>(owned, count.getSingleResult(), page, pageSize);
    }

    @Override
    public Set<Long> issuedAmong(long userId, Collection<Long> couponIds) {
        // one statement: SELECT coupon_id FROM user_coupons WHERE user_id = ? AND coupon_id IN (...)
        return new HashSet<>(em.createQuery(
                        "select uc.couponId from UserCoupon uc "
                                + "where uc.userId = :userId and uc.couponId in :couponIds",
                        Long.class)
                .setParameter("userId", userId)
                .setParameter("couponIds", couponIds)
                .getResultList());
    }
}
