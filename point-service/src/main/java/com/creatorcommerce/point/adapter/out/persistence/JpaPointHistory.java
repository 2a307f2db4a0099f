package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.application.port.Paged;
import com.creatorcommerce.point.application.port.PointHistory;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.TransactionType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class JpaPointHistory implements PointHistory {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<PointTransaction> findByIdempotencyKey(String idempotencyKey) {
        // a list, not a lazy stream: outside a transaction the query's EntityManager closes when it returns
        List<PointTransaction> found = em.createQuery(
                        "select t from PointTransaction t where t.idempotencyKey = :key", PointTransaction.class)
                .setParameter("key", idempotencyKey)
                .getResultList();
        return found.stream().findFirst();
    }

    @Override
    public Paged<PointTransaction> page(long userId, Optional<TransactionType> type, int page, int pageSize) {
        String where =
                "from PointTransaction t where t.userId = :userId" + (type.isPresent() ? " and t.type = :type" : "");
        TypedQuery<PointTransaction> items = em.createQuery(
                        "select t " + where + " order by t.createdAt desc, t.id desc", PointTransaction.class)
                .setParameter("userId", userId);
        TypedQuery<Long> total =
                em.createQuery("select count(t) " + where, Long.class).setParameter("userId", userId);
        type.ifPresent(t -> {
            items.setParameter("type", t);
            total.setParameter("type", t);
        });
        List<PointTransaction> found = items.setFirstResult(offset(page, pageSize))
                .setMaxResults(pageSize)
                .getResultList();
        return new Paged<>(found, total.getSingleResult(), page, pageSize);
    }

    static int offset(int page, int pageSize) {
        return Math.toIntExact(Math.min(Integer.MAX_VALUE, (long) (page - 1) * pageSize));
    }
}
