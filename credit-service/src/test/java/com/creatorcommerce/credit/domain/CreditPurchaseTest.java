package com.creatorcommerce.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A purchase's parts: the package it bought, then its completion, its failure and the giving back of a payment. */
class CreditPurchaseTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);

    private static CreditPurchase pending() {
        CreditPackage p = CreditPackage.create(
                "basic_500", new PackageTerms("Basic Pack", 500L, new BigDecimal("19.99"), "USD"), NOW);
        return CreditPurchase.start(1, 2, p, "card", "pk_x", NOW);
    }

    @Test
    void aNewPurchaseIsPendingWithThePackagesTermsAndNoOtherPart() {
        CreditPurchase p = pending();

        assertThat(p.status()).isEqualTo(PurchaseStatus.PENDING);
        assertThat(p.packageId()).isEqualTo("basic_500");
        assertThat(p.packageName()).isEqualTo("Basic Pack");
        assertThat(p.credits()).isEqualTo(500);
        assertThat(p.price()).isEqualTo(Price.of(new BigDecimal("19.99"), "USD"));
        assertThat(p.amountMinor()).isEqualTo(1999);
        assertThat(p.isRepeatOf(2, "basic_500")).isTrue();
        assertThat(p.isRepeatOf(2, "other")).isFalse();
        assertThat(p.completion()).isNull();
        assertThat(p.failure()).isNull();
        assertThat(p.refund()).isNull();
    }

    @Test
    void completingRecordsThePaymentAndTheHistoryRowOnce() {
        CreditPurchase p = pending();

        p.complete(10, 11, 500, LATER);

        assertThat(p.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(p.completion()).isEqualTo(new PurchaseCompletion(10L, 11L, 500L, LATER));
        assertThatThrownBy(() -> p.complete(10, 11, 500, LATER)).isInstanceOf(IllegalStateException.class);
        assertThat(p.failure()).isNull();
    }

    @Test
    void failingOnlyFromPendingKeepsAShortenedCodeAndReason() {
        CreditPurchase p = pending();

        assertThat(p.fail("C".repeat(100), "r".repeat(600), LATER)).isTrue();

        assertThat(p.status()).isEqualTo(PurchaseStatus.FAILED);
        assertThat(p.failure().code()).hasSize(64);
        assertThat(p.failure().reason()).hasSize(500);
        assertThat(p.failure().at()).isEqualTo(LATER);
        assertThat(p.fail("AGAIN", "again", LATER)).isFalse();
        assertThat(p.failure().code()).hasSize(64);
        assertThat(p.completion()).isNull();
    }

    @Test
    void aPaymentGivenBackIsRequestedThenRefusedOrRefundedAndRefundedStays() {
        CreditPurchase p = pending();
        p.fail("DECLINED", "declined", NOW);

        p.refundRequested(LATER);
        assertThat(p.refund()).isEqualTo(new PurchaseRefund(RefundStatus.REQUESTED, null, null));
        p.refundFailed("PG_REFUSED", "x".repeat(600), LATER);
        assertThat(p.refund().status()).isEqualTo(RefundStatus.REFUND_FAILED);
        assertThat(p.refund().failureCode()).isEqualTo("PG_REFUSED");
        assertThat(p.refund().failureReason()).hasSize(500);
        p.refundRequested(LATER);
        assertThat(p.refund().status()).as("a later request keeps the answer").isEqualTo(RefundStatus.REFUND_FAILED);

        assertThat(p.refunded(LATER)).isTrue();
        assertThat(p.refund()).isEqualTo(new PurchaseRefund(RefundStatus.REFUNDED, null, null));
        assertThat(p.refunded(LATER)).isFalse();
        p.refundFailed("LATE", "late", LATER);
        assertThat(p.refund().status()).isEqualTo(RefundStatus.REFUNDED);
    }
}
