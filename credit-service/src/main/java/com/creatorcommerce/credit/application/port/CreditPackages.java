package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.CreditPackage;
import com.creatorcommerce.platform.kernel.Page;
import java.util.List;
import java.util.Optional;

/** Credit packages (table {@code credit_packages}). */
public interface CreditPackages {

    Optional<CreditPackage> find(String id);

    /** Reads the package with its row locked until the transaction ends (admin edits). */
    Optional<CreditPackage> findForUpdate(String id);

    /** Inserts it now; false when a package with its id exists. */
    boolean add(CreditPackage creditPackage);

    /** The packages that can be bought, fewest credits first. */
    List<CreditPackage> active();

    /** Every package, active or not, fewest credits first. */
    Page<CreditPackage> all(int page, int pageSize);
}
