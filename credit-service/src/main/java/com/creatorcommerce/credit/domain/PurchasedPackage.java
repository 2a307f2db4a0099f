package com.creatorcommerce.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/**
 * What a {@link CreditPurchase} buys, copied from its {@link CreditPackage} at purchase time and never changed: the
 * package, its credits and its price, exact and in the currency's minor unit (what the payment asks for).
 */
@Embeddable
public record PurchasedPackage(
        @Column(name = "package_id", nullable = false, updatable = false, length = 50)
        String packageId,

        @Column(name = "package_name", nullable = false, updatable = false, length = 100)
        String packageName,

        @Column(name = "credits", nullable = false, updatable = false)
        long credits,

        @Column(name = "amount", nullable = false, updatable = false, precision = 12, scale = 2)
        BigDecimal amount,

        @Column(name = "currency", nullable = false, updatable = false, length = 3)
        String currency,

        @Column(name = "amount_minor", nullable = false, updatable = false)
        long amountMinor) {

    /** The terms of {@code pkg} as they are now. */
    static PurchasedPackage of(CreditPackage pkg) {
        Price price = pkg.price();
        return new PurchasedPackage(
                pkg.id(), pkg.name(), pkg.credits(), price.amount(), price.currencyCode(), price.minorUnits());
    }

    public Price price() {
        return Price.of(amount, currency);
    }
}
