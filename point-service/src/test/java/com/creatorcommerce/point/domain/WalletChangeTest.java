package com.creatorcommerce.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a change is: positive amounts, a sign from its type, one idempotency key per (reference, type). */
class WalletChangeTest {

    @Test
    void amountsArePositiveAndTheTypeGivesTheSign() {
        assertThat(new WalletChange(9, TransactionType.CHARGE, 10, ReferenceType.CHARGE_REQUEST, 1).signedAmount())
                .isEqualTo(10);
        assertThat(new WalletChange(9, TransactionType.USE, 10, ReferenceType.ORDER, 1).signedAmount())
                .isEqualTo(-10);
        assertThat(new WalletChange(9, TransactionType.REFUND, 10, ReferenceType.ORDER, 1).signedAmount())
                .isEqualTo(10);
        assertThat(TransactionType.USE.isDebit()).isTrue();
        assertThat(TransactionType.REFUND.isDebit()).isFalse();

        assertThatThrownBy(() -> new WalletChange(9, TransactionType.USE, 0, ReferenceType.ORDER, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WalletChange(0, TransactionType.USE, 10, ReferenceType.ORDER, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WalletChange(9, null, 10, ReferenceType.ORDER, 1))
                .isInstanceOf(NullPointerException.class);
        assertThat(WalletChange.acceptable(1, 1)).isTrue();
        assertThat(WalletChange.acceptable(1, -1)).isFalse();
        assertThat(WalletChange.acceptable(-1, 1)).isFalse();
    }

    @Test
    void eachStepOfAReferenceHasItsOwnIdempotencyKey() {
        assertThat(new WalletChange(9, TransactionType.USE, 10, ReferenceType.ORDER, 42).idempotencyKey())
                .isEqualTo("ORDER:42:USE");
        assertThat(new WalletChange(9, TransactionType.REFUND, 10, ReferenceType.ORDER, 42).idempotencyKey())
                .isEqualTo("ORDER:42:REFUND");
        assertThat(new WalletChange(9, TransactionType.CHARGE, 10, ReferenceType.CHARGE_REQUEST, 42).idempotencyKey())
                .isEqualTo("CHARGE_REQUEST:42:CHARGE");
    }

    @Test
    void aRecordedChangeAnswersTheSameStepAskedAgainButNotAConflictingOne() {
        RecordedChange use = new RecordedChange(1, 9, -300, 700);

        assertThat(use.isSameAs(new WalletChange(9, TransactionType.USE, 300, ReferenceType.ORDER, 5)))
                .isTrue();
        assertThat(use.isSameChange(9, TransactionType.USE, 301))
                .as("other amount")
                .isFalse();
        assertThat(use.isSameChange(8, TransactionType.USE, 300))
                .as("other wallet")
                .isFalse();
        assertThat(new RecordedChange(2, 9, 300, 1000).isSameChange(9, TransactionType.CHARGE, 300))
                .isTrue();
    }

    @Test
    void aHistoryFilterNamesATypeInAnyCase() {
        assertThat(TransactionType.parse("use")).contains(TransactionType.USE);
        assertThat(TransactionType.parse(" Charge ")).contains(TransactionType.CHARGE);
        assertThat(TransactionType.parse("gift")).isEmpty();
        assertThat(TransactionType.parse(null)).isEmpty();
    }
}
