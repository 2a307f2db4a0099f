package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.port.CreditPackages;
import com.creatorcommerce.credit.domain.CreditPackage;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.PackageTerms;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Credit packages: what anybody can buy now, and the admins' create / revise / deactivate / read. */
@Service
public class ManagePackagesService {

    private final CreditPackages packages;
    private final Clock clock;

    ManagePackagesService(CreditPackages packages, Clock clock) {
        this.packages = packages;
        this.clock = clock;
    }

    /** The active packages, fewest credits first (public). */
    @Transactional(readOnly = true)
    public List<CreditPackage> buyable() {
        return packages.active();
    }

    @Transactional
    public CreditPackage create(String id, PackageTerms terms) {
        CreditPackage created = CreditPackage.create(id, terms, clock.instant());
        if (!packages.add(created)) {
            throw new CreditRefusedException(
                    CreditRefusal.CREDIT_PACKAGE_ALREADY_EXISTS, "A credit package " + id + " exists already.");
        }
        return created;
    }

    /**
     * Replaces the terms; purchases already made keep the terms they were made with.
     *
     * @param active {@code null} keeps the active flag
     */
    @Transactional
    public CreditPackage revise(String id, PackageTerms terms, Boolean active) {
        CreditPackage p = packages.findForUpdate(id).orElseThrow(() -> notFound(id));
        p.revise(terms, active, clock.instant());
        return p;
    }

    /** No more purchases of it (soft delete); its purchases and history stay. */
    @Transactional
    public CreditPackage deactivate(String id) {
        CreditPackage p = packages.findForUpdate(id).orElseThrow(() -> notFound(id));
        p.deactivate(clock.instant());
        return p;
    }

    @Transactional(readOnly = true)
    public CreditPackage get(String id) {
        return packages.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public Page<CreditPackage> all(int page, int pageSize) {
        return packages.all(page, pageSize);
    }

    private static CreditRefusedException notFound(String id) {
        return new CreditRefusedException(CreditRefusal.CREDIT_PACKAGE_NOT_FOUND, "No credit package " + id + ".");
    }
}
