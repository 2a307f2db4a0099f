package com.creatorcommerce.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void anApprovedPaymentIsPaidAndCancelledStepByStep() {
        PaymentOutcome o = PaymentOutcome.pending();
        assertThat(o.isPending()).isTrue();
        assertThat(o.paidAt()).isNull();

        o.approved(NOW);
        assertThat(o.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(o.paidAt()).isEqualTo(NOW);
        o.cancelled(400);
        assertThat(o.status()).isEqualTo(PaymentStatus.PARTIALLY_CANCELLED);
        o.cancelled(0);
        assertThat(o.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(o.failure()).isNull();
    }

    @Test
    void aFailedPaymentStaysFailedWhatEverThePgCancels() {
        PaymentOutcome o = PaymentOutcome.pending();
        o.failed(PaymentFailure.AMOUNT_MISMATCH, "x".repeat(600), NOW);

        assertThat(o.isFailed()).isTrue();
        assertThat(o.amountMismatch()).isTrue();
        assertThat(o.failure().message()).hasSize(500);
        assertThat(o.failure().at()).isEqualTo(NOW);
        o.cancelled(0);
        assertThat(o.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(o.paidAt()).isNull();
    }
}
