package com.creatorcommerce.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An order's REFUND: exactly what its USE took, to the same wallet; nothing used closes the order. */
class RefundPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    private static PointTransaction useOf(long user, long order, long amount) {
        return new PointTransaction(
                1,
                user,
                TransactionType.USE,
                -amount,
                1_000,
                1_000 - amount,
                ReferenceType.ORDER,
                order,
                ReferenceType.ORDER.idempotencyKey(order, TransactionType.USE),
                NOW);
    }

    @Test
    void aRefundGivesBackExactlyWhatTheOrdersUseTook() {
        assertThat(RefundPlan.of(9, Optional.of(useOf(9, 42, 300)))).isEqualTo(new RefundPlan.GiveBack(300));
    }

    @Test
    void aRefundAskedForAnotherUsersOrderGivesNothingBack() {
        assertThat(RefundPlan.of(8, Optional.of(useOf(9, 42, 300)))).isEqualTo(new RefundPlan.NotTheirs());
    }

    @Test
    void aRefundBeforeAnyUseClosesTheOrderAndALateUseIsRefused() {
        assertThat(RefundPlan.of(9, Optional.empty())).isEqualTo(new RefundPlan.NothingUsed());

        PointOrderClosure closure = PointOrderClosure.refundedBeforeUse(42, 9, "x".repeat(300), NOW);
        assertThat(closure.orderId()).isEqualTo(42);
        assertThat(closure.reason()).hasSize(200);
        assertThat(PointOrderClosure.useRefusal(42))
                .isEqualTo("Order 42 was refunded before this use arrived: nothing is debited");
    }

    @Test
    void onlyAUseRowCanBeRefunded() {
        PointTransaction charge = new PointTransaction(
                1, 9, TransactionType.CHARGE, 10, 0, 10, ReferenceType.ORDER, 42, "ORDER:42:CHARGE", NOW);
        assertThatThrownBy(() -> RefundPlan.of(9, Optional.of(charge))).isInstanceOf(IllegalArgumentException.class);
    }
}
