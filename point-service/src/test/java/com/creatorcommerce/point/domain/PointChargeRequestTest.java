package com.creatorcommerce.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.point.domain.PointChargeRequest.Confirmation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PointChargeRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void aRequestIsConfirmedOnceAndRepeatingTheSameKeyChangesNothing() {
        PointChargeRequest r = PointChargeRequest.create(1, 9, 5_000, NOW);

        assertThat(r.confirm("pk_a", NOW)).isEqualTo(Confirmation.ACCEPTED);
        assertThat(r.confirm("pk_a", NOW)).isEqualTo(Confirmation.REPEATED);
        assertThat(r.confirm("pk_b", NOW)).isEqualTo(Confirmation.CONFIRMED_WITH_OTHER_KEY);
        assertThat(r.paymentKey()).isEqualTo("pk_a");
    }

    @Test
    void completedAndFailedRequestsAreFinal() {
        PointChargeRequest completed = PointChargeRequest.create(1, 9, 5_000, NOW);
        completed.confirm("pk_a", NOW);
        assertThat(completed.complete(11, 12, NOW)).isTrue();
        assertThat(completed.fail("X", "late", null, NOW)).isFalse();
        assertThat(completed.confirm("pk_a", NOW)).isEqualTo(Confirmation.COMPLETED);
        assertThat(completed.status()).isEqualTo(ChargeStatus.COMPLETED);

        PointChargeRequest failed = PointChargeRequest.create(2, 9, 5_000, NOW);
        assertThat(failed.fail("REJECT_CARD_PAYMENT", "declined", null, NOW)).isTrue();
        assertThat(failed.complete(11, 12, NOW)).isFalse();
        assertThat(failed.confirm("pk_c", NOW)).isEqualTo(Confirmation.FAILED);
        assertThat(failed.paymentKey()).isNull();
    }

    @Test
    void onlyThePaymentTheRequestAskedForIsCredited() {
        PointChargeRequest r = PointChargeRequest.create(1, 9, 5_000, NOW);
        assertThat(r.matchesPayment(9, 5_000, "pk_a")).as("not confirmed yet").isFalse();
        r.confirm("pk_a", NOW);

        assertThat(r.matchesPayment(9, 5_000, "pk_a")).isTrue();
        assertThat(r.matchesPayment(8, 5_000, "pk_a")).as("other user").isFalse();
        assertThat(r.matchesPayment(9, 5_001, "pk_a")).as("other amount").isFalse();
        assertThat(r.matchesPayment(9, 5_000, "pk_b")).as("other key").isFalse();
        assertThat(r.matchesPayment(9, 5_000, null)).isFalse();
    }

    @Test
    void aChargeIsPositive() {
        assertThatThrownBy(() -> PointChargeRequest.create(1, 9, 0, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ledgerRowsAreConsistentByConstruction() {
        assertThatThrownBy(() ->
                        new PointTransaction(1, 9, TransactionType.USE, -10, 5, -5, ReferenceType.ORDER, 3, "k", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new PointTransaction(1, 9, TransactionType.USE, 10, 5, 15, ReferenceType.ORDER, 3, "k", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new PointTransaction(1, 9, TransactionType.CHARGE, 10, 5, 16, ReferenceType.ORDER, 3, "k", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PointTransaction(1, 9, TransactionType.REFUND, 10, 5, 15, ReferenceType.ORDER, 3, "k", NOW)
                        .balanceAfter())
                .isEqualTo(15);
        assertThat(ReferenceType.ORDER.idempotencyKey(42, TransactionType.USE)).isEqualTo("ORDER:42:USE");
    }

    @Test
    void aRefundOfAnUncreditedPaymentIsRequestedThenDoneOrFailedAndADoneRefundStaysDone() {
        PointChargeRequest r = PointChargeRequest.create(1, 9, 5_000, NOW);
        r.fail("PAYMENT_MISMATCH", "x", 11L, NOW);
        r.refundRequested(NOW);
        assertThat(r.refund().status()).isEqualTo(RefundStatus.REQUESTED);
        assertThat(r.refund().requestedAt()).isEqualTo(NOW);

        assertThat(r.refundFailed("NOT_CANCELABLE_PAYMENT", "no", NOW.plusSeconds(1)))
                .isTrue();
        assertThat(r.refund().status()).isEqualTo(RefundStatus.REFUND_FAILED);
        assertThat(r.refund().failureCode()).isEqualTo("NOT_CANCELABLE_PAYMENT");
        assertThat(r.refund().settledAt()).isEqualTo(NOW.plusSeconds(1));
        r.refundRequested(NOW.plusSeconds(2));
        assertThat(r.refund().status())
                .as("a repeated request does not hide the failure")
                .isEqualTo(RefundStatus.REFUND_FAILED);

        assertThat(r.refunded(5_000, NOW.plusSeconds(3))).isTrue();
        assertThat(r.refund().status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(r.refund().amount()).isEqualTo(5_000);
        assertThat(r.refund().failureCode()).isNull();
        assertThat(r.refund().requestedAt()).as("asked when it was first asked").isEqualTo(NOW);
        assertThat(r.refundFailed("LATE", "late", NOW.plusSeconds(4))).isFalse();
        assertThat(r.refunded(5_000, NOW.plusSeconds(5))).isFalse();
        assertThat(r.refund().status()).isEqualTo(RefundStatus.REFUNDED);
        assertThat(PointChargeRequest.create(2, 9, 5_000, NOW).refund())
                .as("nothing to give back")
                .isNull();
    }
}
