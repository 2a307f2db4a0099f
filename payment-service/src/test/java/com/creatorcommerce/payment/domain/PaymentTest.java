package com.creatorcommerce.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    private static Payment pending(long amount) {
        return Payment.request(
                1, RequestedPayment.of("pk_1", PaymentPurpose.ORDER_CHARGE, 77, 9, amount, "KRW", "saga-1"), NOW);
    }

    @Test
    void approvingTheRequestedAmountSucceedsOnceAndOnlyFromPending() {
        Payment p = pending(1_000);

        assertThat(p.approve(1_000, NOW, NOW)).isTrue();
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(p.outcome().paidAt()).isEqualTo(NOW);
        assertThat(p.approve(1_000, NOW, NOW)).isFalse();
        assertThat(p.fail("X", "late", NOW)).isFalse();
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(p.requested().pgOrderId()).isEqualTo("order-charge-77");
    }

    @Test
    void anApprovalForAnotherAmountIsAFailureThatStillHoldsTheApprovedAmountToCancel() {
        Payment p = pending(1_000);

        assertThat(p.approve(1_001, NOW, NOW)).isTrue();

        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(p.outcome().amountMismatch()).isTrue();
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
        assertThat(p.holding().cancelledAmount()).isEqualTo(1_000);
    }

    @Test
    void aRepeatIsTheSameRequestAndAnythingElseIsAnotherPayment() {
        Payment p = pending(1_000);

        assertThat(p.requested().sameAs(PaymentPurpose.ORDER_CHARGE, 77, 9, 1_000, "KRW"))
                .isTrue();
        assertThat(p.requested().sameAs(PaymentPurpose.ORDER_CHARGE, 78, 9, 1_000, "KRW"))
                .isFalse();
        assertThat(p.requested().sameAs(PaymentPurpose.POINT_CHARGE, 77, 9, 1_000, "KRW"))
                .isFalse();
        assertThat(p.requested().sameAs(PaymentPurpose.ORDER_CHARGE, 77, 9, 999, "KRW"))
                .isFalse();
        assertThat(p.requested().sameAs(PaymentPurpose.ORDER_CHARGE, 77, 9, 1_000, "USD"))
                .as("the same number in another currency is another amount")
                .isFalse();
        assertThat(p.confirmIdempotencyKey()).isEqualTo("payment-1-confirm");
    }

    @Test
    void aPaymentHasAPositiveAmount() {
        assertThatThrownBy(() -> pending(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPaymentHasAnIso4217Currency() {
        assertThat(RequestedPayment.of("pk_1", PaymentPurpose.ORDER_CHARGE, 77, 9, 1_999, "USD", null)
                        .currency())
                .isEqualTo("USD");
        for (String bad : new String[] {null, "", "usd", "US", "USDT", "U$D"}) {
            assertThatThrownBy(() -> RequestedPayment.of("pk_1", PaymentPurpose.ORDER_CHARGE, 77, 9, 1_999, bad, null))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static final CheckSchedule SCHEDULE = new CheckSchedule(
            java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(2), 3);

    @Test
    void anUnknownOutcomeBacksOffAndIsFlaggedOnceAtTheCapWhileStillChecked() {
        Payment p = pending(1_000);
        p.holdChecks(SCHEDULE, NOW);
        assertThat(p.looks().nextCheckAt()).isEqualTo(NOW.plusSeconds(30));

        assertThat(p.stillUnknown("5xx", SCHEDULE, NOW)).isFalse();
        assertThat(p.looks().nextCheckAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(p.stillUnknown("5xx", SCHEDULE, NOW)).isFalse();
        assertThat(p.looks().nextCheckAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(p.stillUnknown("5xx", SCHEDULE, NOW))
                .as("flagged at the cap")
                .isTrue();
        assertThat(p.looks().attentionAt()).isEqualTo(NOW);
        assertThat(p.looks().nextCheckAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(p.stillUnknown("5xx", SCHEDULE, NOW.plusSeconds(1)))
                .as("once")
                .isFalse();
        assertThat(p.looks().nextCheckAt()).as("capped, still checked").isEqualTo(NOW.plusSeconds(121));
        assertThat(p.looks().checkAttempts()).isEqualTo(4);

        assertThat(p.claimCheck(NOW, SCHEDULE, NOW)).as("not due yet").isFalse();
        assertThat(p.claimCheck(NOW.plusSeconds(121), SCHEDULE, NOW)).isTrue();
        assertThat(p.approve(1_000, NOW, NOW)).isTrue();
        assertThat(p.looks().nextCheckAt()).isNull();
        assertThat(p.claimCheck(NOW.plusSeconds(9_999), SCHEDULE, NOW)).isFalse();
    }

    @Test
    void anUnclearFailureIsReCheckedAndWhatThePgHoldsAfterAllBecomesCancellable() {
        Payment p = pending(1_000);
        assertThat(p.failUnclear("PG_HTTP_400", "unreadable", NOW.plusSeconds(30), NOW))
                .isTrue();
        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(p.awaitingRecheck()).isTrue();
        assertThat(p.cancellableAmount()).isZero();

        assertThat(p.heldWithoutApproval(PaymentFailureCode.PG_ABORTED, "DONE after all", 1_000, NOW))
                .isTrue();
        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(p.outcome().failure().code())
                .as("the requester's answer stays")
                .isEqualTo("PG_HTTP_400");
        assertThat(p.cancellableAmount()).isEqualTo(1_000);
        assertThat(p.awaitingRecheck()).isFalse();
        assertThat(p.heldWithoutApproval(PaymentFailureCode.PG_ABORTED, "again", 1_000, NOW))
                .isFalse();
    }

    @Test
    void aPendingPaymentThePgCancelledFailsHoldingTheApprovedAmount() {
        Payment p = pending(1_000);
        assertThat(p.heldWithoutApproval(PaymentFailureCode.PG_ABORTED, "PARTIAL_CANCELED", 1_000, NOW))
                .isTrue();
        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(p.outcome().failure().code()).isEqualTo(PaymentFailureCode.PG_ABORTED);
        p.cancelled(400, NOW);
        assertThat(p.cancellableAmount()).isEqualTo(600);
        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);

        Payment declined = pending(1_000);
        declined.fail("REJECT_CARD_PAYMENT", "no", NOW);
        assertThat(declined.awaitingRecheck())
                .as("a definite decline is not re-checked")
                .isFalse();
        assertThat(declined.heldWithoutApproval(PaymentFailureCode.PG_ABORTED, "x", 1_000, NOW))
                .isFalse();
    }
}
