package com.creatorcommerce.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreditWalletTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static WalletChange change(TransactionType type, long credits) {
        return new WalletChange(
                7,
                type,
                credits,
                type.wireName() + " " + credits,
                Map.of("feature", "vto"),
                "ref",
                type.wireName() + ":" + credits + ":" + System.nanoTime());
    }

    @Test
    void appliesChangesInOrderEachContinuingThePreviousBalance() {
        CreditWallet w = CreditWallet.of(7, 10, 10, 0, 4);

        CreditWallet.Applied a = (CreditWallet.Applied) w.apply(change(TransactionType.PURCHASE, 100), 1, NOW);
        CreditWallet.Applied b = (CreditWallet.Applied) w.apply(change(TransactionType.USAGE, 3), 2, NOW);

        assertThat(a.entry().balanceBefore()).isEqualTo(10);
        assertThat(a.entry().amount()).isEqualTo(100);
        assertThat(a.entry().balanceAfter()).isEqualTo(110);
        assertThat(b.entry().balanceBefore()).isEqualTo(110);
        assertThat(b.entry().amount()).isEqualTo(-3);
        assertThat(b.entry().balanceAfter()).isEqualTo(107);
        assertThat(w.balance()).isEqualTo(107);
        assertThat(w.version()).isEqualTo(6);
        assertThat(w.loadedVersion()).isEqualTo(4);
        assertThat(w.appliedChanges()).isEqualTo(2);
        assertThat(w.totalEarned()).isEqualTo(110);
        assertThat(w.totalSpent()).isEqualTo(3);
    }

    @Test
    void refusesADebitLargerThanTheBalanceAndChangesNothing() {
        CreditWallet w = CreditWallet.of(7, 2, 2, 0, 1);

        assertThat(w.apply(change(TransactionType.USAGE, 3), 1, NOW)).isEqualTo(new CreditWallet.Insufficient(2, 3));
        assertThat(w.balance()).isEqualTo(2);
        assertThat(w.version()).isEqualTo(1);
        assertThat(w.apply(change(TransactionType.USAGE, 2), 2, NOW)).isInstanceOf(CreditWallet.Applied.class);
        assertThat(w.balance()).isZero();
    }

    @Test
    void refundsAreNeitherEarnedNorSpentBonusesAreEarnedDonationsSpent() {
        CreditWallet w = CreditWallet.of(7, 0, 0, 0, 0);
        w.apply(change(TransactionType.BONUS, 50), 1, NOW);
        w.apply(change(TransactionType.DONATION, 10), 2, NOW);
        w.apply(change(TransactionType.REFUND, 5), 3, NOW);

        assertThat(w.balance()).isEqualTo(35);
        assertThat(w.totalEarned()).isEqualTo(50);
        assertThat(w.totalSpent()).isEqualTo(10);
    }

    @Test
    void refusesAnotherUsersChangeAndImpossibleInput() {
        CreditWallet w = CreditWallet.of(7, 0, 0, 0, 0);
        assertThatThrownBy(() -> w.apply(new WalletChange(8, TransactionType.BONUS, 1, "x", null, "r", "k"), 1, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WalletChange(7, TransactionType.BONUS, 0, "x", null, "r", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WalletChange(7, TransactionType.BONUS, 1, " ", null, "r", "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WalletChange(7, TransactionType.BONUS, 1, "x", null, null, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditWallet.of(7, -1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new CreditHistoryEntry(1, 7, TransactionType.BONUS, 5, 0, 4, "x", null, null, "k", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typesHaveTheSeedsWireNamesAndSigns() {
        assertThat(TransactionType.fromWireName("usage")).contains(TransactionType.USAGE);
        assertThat(TransactionType.fromWireName("USAGE")).isEmpty();
        assertThat(TransactionType.fromWireName("gift")).isEmpty();
        assertThat(TransactionType.USAGE.signed(3)).isEqualTo(-3);
        assertThat(TransactionType.PURCHASE.signed(3)).isEqualTo(3);
    }
}
