package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.domain.CreditPackage;
import com.creatorcommerce.credit.domain.Price;
import java.math.BigDecimal;
import java.time.Instant;

/** Seed 002's package shape ({@code id, credits, price, name, price_per_credit}) plus its currency. */
record PackageResponse(
        String id, long credits, BigDecimal price, String name, BigDecimal pricePerCredit, String currency) {

    static PackageResponse of(CreditPackage p) {
        Price price = p.price();
        return new PackageResponse(
                p.id(), p.credits(), price.amount(), p.name(), price.perCredit(p.credits()), price.currencyCode());
    }

    /** The admin's view: also whether it can be bought and when it changed. */
    record Admin(
            String id,
            long credits,
            BigDecimal price,
            String name,
            BigDecimal pricePerCredit,
            String currency,
            boolean isActive,
            Instant createdAt,
            Instant updatedAt) {

        static Admin of(CreditPackage p) {
            PackageResponse r = PackageResponse.of(p);
            return new Admin(
                    r.id(),
                    r.credits(),
                    r.price(),
                    r.name(),
                    r.pricePerCredit(),
                    r.currency(),
                    p.isActive(),
                    p.createdAt(),
                    p.updatedAt());
        }
    }
}
