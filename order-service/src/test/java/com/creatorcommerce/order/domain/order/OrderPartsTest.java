package com.creatorcommerce.order.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of an order: its failure and its times. */
class OrderPartsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final Instant T2 = T1.plusSeconds(5);

    @Test
    void theFailureReasonIsTheCodesExplanationThenWhatTheServiceSaid() {
        assertThat(new OrderFailure(FailureCode.INSUFFICIENT_POINTS, null).reason())
                .isEqualTo(FailureCode.INSUFFICIENT_POINTS.reason());
        assertThat(new OrderFailure(FailureCode.INSUFFICIENT_POINTS, " ").reason())
                .isEqualTo(FailureCode.INSUFFICIENT_POINTS.reason());
        assertThat(new OrderFailure(FailureCode.INSUFFICIENT_POINTS, "balance 100").reason())
                .isEqualTo(FailureCode.INSUFFICIENT_POINTS.reason() + " (balance 100)");
        assertThatThrownBy(() -> new OrderFailure(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void eachChangeMovesUpdatedAtAndCompletionAndCancellationKeepTheirMoment() {
        OrderTimes placed = OrderTimes.placed(T0);
        assertThat(placed).isEqualTo(new OrderTimes(T0, T0, null, null));

        OrderTimes completed = placed.completed(T1);
        assertThat(completed).isEqualTo(new OrderTimes(T0, T1, T1, null));
        assertThat(completed.touched(T2)).isEqualTo(new OrderTimes(T0, T2, T1, null));
        assertThat(completed.cancelled(T2)).isEqualTo(new OrderTimes(T0, T2, T1, T2));
        assertThat(placed.cancelled(T1)).isEqualTo(new OrderTimes(T0, T1, null, T1));
    }

    @Test
    void aFailedOrderSaysWhyWithWhatTheRefusingServiceSaid() {
        Order placed = Order.place(
                1,
                7,
                List.of(new OrderItem(101, 11, "Shirt", "M", "SHIRT-M", 29_000, 1)),
                null,
                null,
                false,
                "key-1",
                T0);
        assertThat(placed.failureReason()).isNull();

        Order failed = placed.fail(FailureCode.INSUFFICIENT_POINTS, "balance 100", 0, null, false, T1);

        assertThat(failed.failure()).isEqualTo(new OrderFailure(FailureCode.INSUFFICIENT_POINTS, "balance 100"));
        assertThat(failed.failureReason()).isEqualTo(FailureCode.INSUFFICIENT_POINTS.reason() + " (balance 100)");
    }
}
