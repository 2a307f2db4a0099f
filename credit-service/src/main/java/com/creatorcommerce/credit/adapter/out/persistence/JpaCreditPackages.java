package com.creatorcommerce.credit.adapter.out.persistence;

import com.creatorcommerce.credit.application.port.CreditPackages;
import com.creatorcommerce.credit.domain.CreditPackage;
import com.creatorcommerce.platform.kernel.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** {@link CreditPackages} on JPA (table {@code credit_packages}). */
@Repository
class JpaCreditPackages implements CreditPackages {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<CreditPackage> find(String id) {
        return Optional.ofNullable(em.find(CreditPackage.class, id));
    }

    @Override
    public Optional<CreditPackage> findForUpdate(String id) {
        return Optional.ofNullable(em.find(CreditPackage.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public boolean add(CreditPackage creditPackage) {
        if (em.find(CreditPackage.class, creditPackage.id()) != null) {
            return false;
        }
        em.persist(creditPackage);
        em.flush();
        return true;
    }

    @Override
    public List<CreditPackage> active() {
        return em.createQuery(
                        "select p from CreditPackage p where p.active = true order by p.credits, p.id",
                        CreditPackage.class)
                .getResultList();
    }

    @Override
    public Page<CreditPackage> all(int page, int pageSize) {
        List<CreditPackage> items = em.createQuery(
                        "select p from CreditPackage p order by p.credits, p.id", CreditPackage.class)
                .setFirstResult(Math.toIntExact(Math.min(Integer.MAX_VALUE, Page.offset(page, pageSize))))
                .setMaxResults(pageSize)
                .getResultList();
        long total = em.createQuery("select count(p) from CreditPackage p", Long.class)
                .getSingleResult();
        return new Page<>(items, total, page, pageSize);
    }
}
