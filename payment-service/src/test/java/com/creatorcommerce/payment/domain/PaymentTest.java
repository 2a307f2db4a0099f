package com.creatorcommerce.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.contracts.payment.PaymentPurpose;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    private static Payment pending(long amount) {
        return Payment.request(1, "pk_1", PaymentPurpose.ORDER_CHARGE, 77, 9, amount, "saga-1", NOW);
    }

    @Test
    void approvingTheRequestedAmountSucceedsOnceAndOnlyFromPending() {
        Payment p = pending(1_000);

        assertThat(p.approve(1_000, NOW, NOW)).isTrue();
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(p.paidAt()).isEqualTo(NOW);
        assertThat(p.approve(1_000, NOW, NOW)).isFalse();
        assertThat(p.fail("X", "late", NOW)).isFalse();
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(p.pgOrderId()).isEqualTo("order-charge-77");
    }

    @Test
    void anApprovalForAnotherAmountIsAFailureThatStillHoldsTheApprovedAmountToCancel() {
        Payment p = pending(1_000);

        assertThat(p.approve(1_001, NOW, NOW)).isTrue();

        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(p.amountMismatch()).isTrue();
        assertThat(p.cancellableAmount()).isEqualTo(1_001);
        p.cancelled(1_001, NOW);
        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(p.cancellableAmount()).isZero();
    }

    @Test
    void cancellationsNeverExceedTheApprovedAmount() {
        Payment p = pending(1_000);
        p.approve(1_000, NOW, NOW);

        p.cancelled(400, NOW);
        assertThat(p.status()).isEqualTo(PaymentStatus.PARTIALLY_CANCELLED);
        assertThatThrownBy(() -> p.cancelled(601, NOW)).isInstanceOf(IllegalStateException.class);
        p.cancelled(600, NOW);
        assertThat(p.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(p.cancelledAmount()).isEqualTo(1_000);
    }

    @Test
    void aRepeatIsTheSameRequestAndAnythingElseIsAnotherPayment() {
        Payment p = pending(1_000);

        assertThat(p.sameRequest(PaymentPurpose.ORDER_CHARGE, 77, 9, 1_000)).isTrue();
        assertThat(p.sameRequest(PaymentPurpose.ORDER_CHARGE, 78, 9, 1_000)).isFalse();
        assertThat(p.sameRequest(PaymentPurpose.POINT_CHARGE, 77, 9, 1_000)).isFalse();
        assertThat(p.sameRequest(PaymentPurpose.ORDER_CHARGE, 77, 9, 999)).isFalse();
        assertThat(p.confirmIdempotencyKey()).isEqualTo("payment-1-confirm");
    }

    @Test
    void aPaymentHasAPositiveAmount() {
        assertThatThrownBy(() -> pending(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
