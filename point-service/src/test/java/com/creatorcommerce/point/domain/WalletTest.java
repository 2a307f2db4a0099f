package com.creatorcommerce.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** The wallet's money rules: never below zero, rows that chain, each change at most once. */
class WalletTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private static final long USER = 9;

    private final AtomicLong nextId = new AtomicLong(100);
    private final LongSupplier ids = nextId::incrementAndGet;

    private static WalletChange change(TransactionType type, long amount, long order) {
        return new WalletChange(USER, type, amount, ReferenceType.ORDER, order);
    }

    @Test
    void changesAreDecidedInOrderAgainstTheRunningBalanceAndTheirRowsChain() {
        Wallet wallet = Wallet.of(USER, 100, Map.of());

        WalletDecision charge = wallet.decide(change(TransactionType.CHARGE, 50, 1), ids, NOW);
        WalletDecision use = wallet.decide(change(TransactionType.USE, 120, 2), ids, NOW);
        WalletDecision refund = wallet.decide(change(TransactionType.REFUND, 120, 2), ids, NOW);

        assertThat(charge).isEqualTo(new WalletDecision.Applied(wallet.newRows().get(0)));
        assertThat(wallet.newRows()).extracting(PointTransaction::amount).containsExactly(50L, -120L, 120L);
        assertThat(wallet.newRows()).extracting(PointTransaction::balanceBefore).containsExactly(100L, 150L, 30L);
        assertThat(wallet.newRows()).extracting(PointTransaction::balanceAfter).containsExactly(150L, 30L, 150L);
        assertThat(wallet.newRows()).extracting(PointTransaction::id).containsExactly(101L, 102L, 103L);
        assertThat(wallet.newRows())
                .extracting(PointTransaction::idempotencyKey)
                .containsExactly("ORDER:1:CHARGE", "ORDER:2:USE", "ORDER:2:REFUND");
        assertThat(use).isInstanceOf(WalletDecision.Applied.class);
        assertThat(refund).isInstanceOf(WalletDecision.Applied.class);
        assertThat(wallet.balance()).isEqualTo(150);
    }

    @Test
    void aDebitLargerThanTheBalanceIsRefusedAndChangesNothing() {
        Wallet wallet = Wallet.of(USER, 30, Map.of());

        assertThat(wallet.decide(change(TransactionType.USE, 31, 1), ids, NOW))
                .isEqualTo(new WalletDecision.Insufficient(30));
        assertThat(wallet.balance()).isEqualTo(30);
        assertThat(wallet.newRows()).isEmpty();
        assertThat(nextId).as("no id taken for a refused change").hasValue(100);

        assertThat(wallet.decide(change(TransactionType.USE, 30, 2), ids, NOW))
                .isInstanceOf(WalletDecision.Applied.class);
        assertThat(wallet.balance())
                .as("the whole balance can be used, never more")
                .isZero();
        assertThat(wallet.decide(change(TransactionType.USE, 1, 3), ids, NOW))
                .isEqualTo(new WalletDecision.Insufficient(0));
    }

    @Test
    void aChangeAlreadyInTheLedgerIsAnsweredFromItsRowAndNotAppliedAgain() {
        RecordedChange earlier = new RecordedChange(77, USER, -40, 60);
        Wallet wallet = Wallet.of(USER, 60, Map.of("ORDER:5:USE", earlier));

        assertThat(wallet.decide(change(TransactionType.USE, 40, 5), ids, NOW))
                .isEqualTo(new WalletDecision.AlreadyApplied(earlier));
        assertThat(wallet.balance()).isEqualTo(60);
        assertThat(wallet.newRows()).isEmpty();
    }

    @Test
    void theSameChangeTwiceInOneBatchIsAppliedOnce() {
        Wallet wallet = Wallet.of(USER, 0, Map.of());

        WalletDecision first = wallet.decide(change(TransactionType.CHARGE, 10, 1), ids, NOW);
        WalletDecision second = wallet.decide(change(TransactionType.CHARGE, 10, 1), ids, NOW);

        PointTransaction row = ((WalletDecision.Applied) first).row();
        assertThat(second).isEqualTo(new WalletDecision.AlreadyApplied(RecordedChange.of(row)));
        assertThat(wallet.newRows()).hasSize(1);
        assertThat(wallet.balance()).isEqualTo(10);
    }

    @Test
    void aWalletDecidesOnlyItsOwnChangesAndNeverHoldsANegativeBalance() {
        Wallet wallet = Wallet.of(USER, 0, Map.of());

        assertThatThrownBy(() -> wallet.decide(
                        new WalletChange(USER + 1, TransactionType.CHARGE, 1, ReferenceType.ORDER, 1), ids, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wallet.of(USER, -1, Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBalanceThatWouldOverflowIsAnErrorNotAWrapAround() {
        Wallet wallet = Wallet.of(USER, Long.MAX_VALUE - 5, Map.of());

        assertThatThrownBy(() -> wallet.decide(change(TransactionType.CHARGE, 6, 1), ids, NOW))
                .isInstanceOf(ArithmeticException.class);
        assertThat(wallet.balance()).isEqualTo(Long.MAX_VALUE - 5);
    }

    @Test
    void coversIsTheOneRuleOfEveryChange() {
        assertThat(Wallet.covers(10, -10)).isTrue();
        assertThat(Wallet.covers(10, -11)).isFalse();
        assertThat(Wallet.covers(0, 5)).isTrue();

        PointBalance balance = PointBalance.open(USER, NOW);
        assertThat(balance.change(25, NOW)).isZero();
        assertThatThrownBy(() -> balance.change(-26, NOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Insufficient");
        assertThat(balance.change(-25, NOW)).isEqualTo(25);
        assertThat(balance.balance()).isZero();
    }
}
