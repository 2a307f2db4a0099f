package com.creatorcommerce.credit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LotBookTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static CreditLot lot(long id, long credits, long remaining, Price price) {
        return new CreditLot(
                id,
                1,
                price == null ? "bonus" : "purchase",
                credits,
                remaining,
                price,
                NOW.minusSeconds(1000 - id),
                price == null ? null : NOW.plusSeconds(3600),
                CreditLot.Status.ACTIVE);
    }

    private static CreditHistoryEntry debit(long id, TransactionType type, long credits, long before) {
        return new CreditHistoryEntry(
                id, 1, type, -credits, before, before - credits, "d", Map.of(), "r", "k" + id, NOW);
    }

    @Test
    void aDebitTakesFromTheOldestLotsFirst() {
        LotBook book = new LotBook(1, List.of(lot(1, 10, 10, null), lot(2, 20, 20, null), lot(3, 30, 30, null)));

        assertThat(book.debit(debit(100, TransactionType.DONATION, 15, 60), null))
                .containsExactly(
                        new LotBook.LotUsage(1, 100, TransactionType.DONATION, 10),
                        new LotBook.LotUsage(2, 100, TransactionType.DONATION, 5));
        assertThat(book.debit(debit(101, TransactionType.USAGE, 25, 45), null))
                .containsExactly(
                        new LotBook.LotUsage(2, 101, TransactionType.USAGE, 15),
                        new LotBook.LotUsage(3, 101, TransactionType.USAGE, 10));
        assertThat(book.total()).isEqualTo(20);
        assertThat(book.changed()).extracting(CreditLot::id).containsExactly(1L, 2L, 3L);
        assertThat(book.changed())
                .extracting(CreditLot::status)
                .containsExactly(CreditLot.Status.SPENT, CreditLot.Status.SPENT, CreditLot.Status.ACTIVE);
    }

    @Test
    void aCreditAddsTheNewestLotAndADebitOfTheSameBatchReachesItLast() {
        LotBook book = new LotBook(1, List.of(lot(1, 5, 5, null)));
        CreditHistoryEntry credit =
                new CreditHistoryEntry(200, 1, TransactionType.BONUS, 10, 5, 15, "b", Map.of(), "g", "grant:g", NOW);
        book.credit(9, credit, NewLot.bonus("g"), NOW);

        assertThat(book.debit(debit(201, TransactionType.USAGE, 7, 15), null))
                .extracting(LotBook.LotUsage::lotId)
                .containsExactly(1L, 9L);
        assertThat(book.created()).singleElement().satisfies(c -> {
            assertThat(c.lot().remaining()).isEqualTo(8);
            assertThat(c.historyId()).isEqualTo(200);
        });
        assertThat(book.changed()).extracting(CreditLot::id).containsExactly(1L);
    }

    @Test
    void aRefundTakesFromItsOwnLotOnlyAndMarksItRefunded() {
        Price price = Price.of(new BigDecimal("19.99"), "USD");
        LotBook book = new LotBook(1, List.of(lot(1, 10, 10, null), lot(2, 500, 300, price)));

        assertThat(book.debit(debit(300, TransactionType.REFUND, 300, 310), 2L))
                .containsExactly(new LotBook.LotUsage(2, 300, TransactionType.REFUND, 300));
        assertThat(book.lot(2).status()).isEqualTo(CreditLot.Status.REFUNDED);
        assertThat(book.remainingOf(1)).isEqualTo(10);
    }

    @Test
    void lotsThatDoNotCoverADebitAreAnError() {
        LotBook book = new LotBook(1, List.of(lot(1, 10, 3, null)));
        assertThatThrownBy(() -> book.debit(debit(1, TransactionType.USAGE, 4, 4), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefundIsTheUnspentShareOfThePriceRoundedDownToTheMinorUnit() {
        CreditLot basic = lot(1, 500, 300, Price.of(new BigDecimal("19.99"), "USD"));
        assertThat(basic.refundAmount(300)).isEqualByComparingTo("11.99"); // 11.994
        CreditLot starter = lot(2, 100, 33, Price.of(new BigDecimal("4.99"), "USD"));
        assertThat(starter.refundAmount(33)).isEqualByComparingTo("1.64"); // 1.6467
        CreditLot won = lot(3, 3, 1, Price.of(new BigDecimal("1000"), "KRW"));
        assertThat(won.refundAmount(1)).isEqualByComparingTo("333"); // 333.33
        assertThat(basic.refundableAt(NOW)).isTrue();
        assertThat(basic.refundableAt(NOW.plusSeconds(3600))).isFalse();
    }
}
