package com.creatorcommerce.order.domain.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationLinesTest {

    @Test
    void mergesLinesOfTheSameOptionAndSortsByOptionIdForALockOrder() {
        ReservationLines lines = ReservationLines.of(
                List.of(new ReservationLine(30, 1), new ReservationLine(10, 2), new ReservationLine(30, 4)));

        assertThat(lines.lines()).containsExactly(new ReservationLine(10, 2), new ReservationLine(30, 5));
        assertThat(lines.optionIds()).containsExactly(10L, 30L);
        assertThat(lines.totalQuantity()).isEqualTo(7);
        assertThat(lines)
                .isEqualTo(ReservationLines.of(List.of(new ReservationLine(30, 5), new ReservationLine(10, 2))));
        assertThat(lines).isNotEqualTo(ReservationLines.of(List.of(new ReservationLine(10, 2))));
    }

    @Test
    void refusesEmptyAbsurdAndOversizedReservations() {
        assertThatThrownBy(() -> ReservationLines.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReservationLines.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationLine(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationLine(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationLine(1, ReservationLine.MAX_QUANTITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReservationLines.of(
                        List.of(new ReservationLine(1, ReservationLine.MAX_QUANTITY), new ReservationLine(1, 1))))
                .as("merged beyond the maximum")
                .isInstanceOf(IllegalArgumentException.class);
        List<ReservationLine> many = new ArrayList<>();
        for (int i = 1; i <= ReservationLines.MAX_LINES + 1; i++) {
            many.add(new ReservationLine(i, 1));
        }
        assertThatThrownBy(() -> ReservationLines.of(many)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReservationLines.of(many.subList(0, ReservationLines.MAX_LINES))
                        .lines())
                .hasSize(ReservationLines.MAX_LINES);
    }
}
