package com.creatorcommerce.order.domain.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StockCheckTest {

    private static final ReservationLines LINES =
            ReservationLines.of(List.of(new ReservationLine(1, 2), new ReservationLine(2, 3)));

    @Test
    void allowsWhenEveryLineIsOnSaleAndInStock() {
        assertThat(StockCheck.check(LINES, Map.of(1L, stock(1, 2, true, true), 2L, stock(2, 9, true, true))))
                .isEmpty();
    }

    @Test
    void namesTheFirstLineAtFaultInOptionOrder() {
        Optional<Rejection> missing = StockCheck.check(LINES, Map.of(2L, stock(2, 9, true, true)));
        Optional<Rejection> optionOff =
                StockCheck.check(LINES, Map.of(1L, stock(1, 5, false, true), 2L, stock(2, 0, true, true)));
        Optional<Rejection> productOff =
                StockCheck.check(LINES, Map.of(1L, stock(1, 5, true, false), 2L, stock(2, 9, true, true)));
        Optional<Rejection> shortOf =
                StockCheck.check(LINES, Map.of(1L, stock(1, 2, true, true), 2L, stock(2, 2, true, true)));

        assertThat(missing)
                .get()
                .extracting(Rejection::code, Rejection::productOptionId)
                .containsExactly(Rejection.OPTION_NOT_FOUND, 1L);
        assertThat(optionOff).get().extracting(Rejection::code).isEqualTo(Rejection.OPTION_UNAVAILABLE);
        assertThat(productOff).get().extracting(Rejection::code).isEqualTo(Rejection.OPTION_UNAVAILABLE);
        assertThat(shortOf)
                .get()
                .extracting(Rejection::code, Rejection::productOptionId)
                .containsExactly(Rejection.INSUFFICIENT_STOCK, 2L);
        assertThat(shortOf.get().detail()).contains("3 requested, 2 in stock");
    }

    private static OptionStock stock(long option, int quantity, boolean optionActive, boolean productActive) {
        return new OptionStock(option, 100, quantity, optionActive, productActive);
    }
}
