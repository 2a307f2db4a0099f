package com.creatorcommerce.credit.adapter.out.persistence;

import com.creatorcommerce.credit.application.port.CreditGrants;
import com.creatorcommerce.credit.domain.CreditGrant;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** {@link CreditGrants} on JPA (table {@code credit_grants}). */
@Repository
class JpaCreditGrants implements CreditGrants {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void add(CreditGrant grant) {
        em.persist(grant);
    }

    @Override
    public Optional<CreditGrant> find(long id) {
        return Optional.ofNullable(em.find(CreditGrant.class, id));
    }
}
