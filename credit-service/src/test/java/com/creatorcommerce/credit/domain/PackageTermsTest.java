package com.creatorcommerce.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PackageTermsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        PackageTerms bad = new PackageTerms(" ", 0L, new BigDecimal("-1"), "usd");

        assertThat(bad.violations())
                .extracting(Violation::field)
                .containsExactly("name", "credits", "currency", "price");
    }

    @Test
    void aPriceMustFitItsCurrency() {
        assertThat(new PackageTerms("p", 1L, new BigDecimal("1.999"), "USD").violations())
                .extracting(Violation::field)
                .containsExactly("price");
        assertThat(new PackageTerms("p", 1L, new BigDecimal("1.5"), "KRW").violations())
                .extracting(Violation::field)
                .containsExactly("price");
        assertThat(new PackageTerms("p", 1L, new BigDecimal("1.50"), "USD").violations())
                .isEmpty();
        assertThat(new PackageTerms("p", 1L, new BigDecimal("1"), "BHD").violations())
                .as("three-decimal currencies do not fit DECIMAL(12,2)")
                .extracting(Violation::field)
                .containsExactly("currency");
    }

    @Test
    void aDeactivatedPackageCannotBeBought() {
        CreditPackage p = CreditPackage.create(
                "basic_500", new PackageTerms("Basic Pack", 500L, new BigDecimal("19.99"), "USD"), NOW);
        p.deactivate(NOW);

        CreditRefusedException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                CreditRefusedException.class, () -> CreditPurchase.start(1, 2, p, "card", "pk_x", NOW));
        assertThat(refused.refusal()).isEqualTo(CreditRefusal.CREDIT_PACKAGE_INACTIVE);
    }

    @Test
    void aPurchaseCopiesThePackagesTermsAndSettlesOnce() {
        CreditPackage p = CreditPackage.create(
                "basic_500", new PackageTerms("Basic Pack", 500L, new BigDecimal("19.99"), "USD"), NOW);
        CreditPurchase purchase = CreditPurchase.start(1, 2, p, "card", "pk_x", NOW);

        assertThat(purchase.amountMinor()).isEqualTo(1999);
        assertThat(purchase.matchesApproval(2, 1999, "pk_x")).isTrue();
        assertThat(purchase.matchesApproval(2, 2000, "pk_x")).isFalse();
        assertThat(purchase.matchesApproval(3, 1999, "pk_x")).isFalse();
        purchase.complete(10, 11, 500, NOW);
        assertThat(purchase.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(purchase.fail("LATE", "late", NOW)).isFalse();
        assertThat(purchase.status()).isEqualTo(PurchaseStatus.COMPLETED);
    }
}
