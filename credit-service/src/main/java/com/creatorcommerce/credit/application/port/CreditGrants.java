package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.CreditGrant;
import java.util.Optional;

/** Bonus grants by admins (table {@code credit_grants}). */
public interface CreditGrants {

    void add(CreditGrant grant);

    Optional<CreditGrant> find(long id);
}
