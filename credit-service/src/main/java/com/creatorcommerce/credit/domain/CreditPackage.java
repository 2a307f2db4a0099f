package com.creatorcommerce.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A package users buy credits in (table {@code credit_packages}, seed 002). Never deleted: a deactivated package
 * cannot be bought, while the purchases that reference it keep their own copy of its terms.
 */
@Entity
@Table(name = "credit_packages")
public class CreditPackage {

    @Id
    @Column(name = "package_id", length = 50)
    private String id;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "credits", nullable = false)
    private long credits;

    @Column(name = "price", nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CreditPackage() {}

    /** A new active package; {@code id} must satisfy {@link PackageTerms#isValidId}. */
    public static CreditPackage create(String id, PackageTerms terms, Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (!PackageTerms.isValidId(id)) {
            violations.add(new Violation(
                    "id",
                    "must be 1 to 50 lower-case letters, digits or underscores, starting " + "with a letter or digit"));
        }
        violations.addAll(terms.violations());
        if (!violations.isEmpty()) {
            throw new InvalidCreditRequestException(violations);
        }
        CreditPackage p = new CreditPackage();
        p.id = id;
        p.apply(terms);
        p.active = true;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /**
     * Replaces the terms (purchases already made keep theirs).
     *
     * @param active {@code null} keeps the active flag
     */
    public void revise(PackageTerms terms, Boolean active, Instant now) {
        terms.validate();
        apply(terms);
        if (active != null) {
            this.active = active;
        }
        updatedAt = now;
    }

    /** No more purchases of it. Idempotent. */
    public void deactivate(Instant now) {
        if (active) {
            active = false;
            updatedAt = now;
        }
    }

    private void apply(PackageTerms terms) {
        Price p = terms.toPrice();
        this.name = terms.name().strip();
        this.credits = terms.credits();
        this.price = p.amount();
        this.currency = p.currencyCode();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long credits() {
        return credits;
    }

    public Price price() {
        return Price.of(price, currency);
    }

    public boolean isActive() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
