package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.application.port.Wallets;
import com.creatorcommerce.point.domain.PointBalance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class JpaWallets implements Wallets {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<PointBalance> find(long userId) {
        return Optional.ofNullable(em.find(PointBalance.class, userId));
    }
}
