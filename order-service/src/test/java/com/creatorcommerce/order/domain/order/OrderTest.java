package com.creatorcommerce.order.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order's amounts, snapshot and transitions. */
class OrderTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(5);

    private static final OptionSnapshot SHIRT_M = new OptionSnapshot(11, "Shirt", "M", "SHIRT-M", 29_000, true);
    private static final OptionSnapshot CAP = new OptionSnapshot(12, "Cap", "Free", "CAP-F", 15_500, true);

    private static Order pending(Long charge) {
        return Order.place(
                1,
                7,
                List.of(OrderItem.snapshot(101, SHIRT_M, 2), OrderItem.snapshot(102, CAP, 1)),
                55L,
                charge,
                false,
                "key-1",
                T0);
    }

    @Test
    void theTotalIsTheSumOfExactSubtotalsAndTheFinalAmountIsTotalMinusDiscount() {
        Order order = pending(null);

        assertThat(order.items()).extracting(OrderItem::subtotal).containsExactly(58_000L, 15_500L);
        assertThat(order.totalAmount()).isEqualTo(73_500);
        assertThat(order.discountAmount()).isZero();
        assertThat(order.finalAmount()).isEqualTo(73_500);
        assertThat(order.totalQuantity()).isEqualTo(3);

        Order completed = order.complete(5_000, null, false, T1);
        assertThat(completed.finalAmount()).isEqualTo(68_500);
    }

    @Test
    void aDiscountIsKeptWithinZeroAndTheTotal() {
        Order order = pending(null);

        assertThat(order.complete(1_000_000, null, false, T1).discountAmount()).isEqualTo(73_500);
        assertThat(order.complete(1_000_000, null, false, T1).finalAmount()).isZero();
        assertThat(order.complete(-5, null, false, T1).discountAmount()).isZero();
    }

    @Test
    void aSubtotalThatOverflowsIsRefusedNotWrapped() {
        OptionSnapshot priceless = new OptionSnapshot(13, "Yacht", "Gold", "Y-G", Long.MAX_VALUE / 2, true);

        assertThatThrownBy(() -> OrderItem.snapshot(1, priceless, 3).subtotal())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void anItemIsASnapshotOfTheOptionWhenOrdered() {
        OrderItem item = OrderItem.snapshot(101, SHIRT_M, 2);

        assertThat(item).isEqualTo(new OrderItem(101, 11, "Shirt", "M", "SHIRT-M", 29_000, 2));
    }

    @Test
    void anOptionNotOnSaleCannotBeOrdered() {
        OptionSnapshot retired = new OptionSnapshot(14, "Old", "X", "OLD-X", 1_000, false);

        assertThatThrownBy(() -> OrderItem.snapshot(1, retired, 1))
                .isInstanceOfSatisfying(OrderRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(OrderRefusal.PRODUCT_OPTION_UNAVAILABLE);
                    assertThat(e.facts()).containsEntry("product_option_id", "14");
                });
    }

    @Test
    void aPlacedOrderIsPendingWithItsChargeNotYetCredited() {
        Order order = pending(10_000L);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.charge()).isEqualTo(new OrderCharge(10_000, false, null));
        assertThat(order.pointsCharged()).isFalse();
        assertThat(order.failure()).isNull();
        assertThat(order.cancelStatus()).isNull();
    }

    @Test
    void completingRecordsTheDiscountThePaymentAndTheCreditedPoints() {
        Order completed = pending(10_000L).complete(3_000, 901L, true, T1);

        assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.charge()).isEqualTo(new OrderCharge(10_000, true, 901L));
        assertThat(completed.times().completedAt()).isEqualTo(T1);
        assertThat(completed.times().updatedAt()).isEqualTo(T1);
        assertThat(completed.times().cancelledAt()).isNull();
    }

    @Test
    void aFailedOrderIsCancelledWithItsReasonAndSaysThatItsBoughtPointsStay() {
        Order failed = pending(10_000L).fail(FailureCode.INSUFFICIENT_POINTS, 0, 901L, true, T1);

        assertThat(failed.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(failed.failure().code()).isEqualTo(FailureCode.INSUFFICIENT_POINTS);
        assertThat(failed.pointsCharged()).isTrue();
        assertThat(failed.times().cancelledAt()).isEqualTo(T1);
        assertThat(failed.times().completedAt()).isNull();
    }

    @Test
    void onlyAPendingOrderCompletesOrFails() {
        Order cancelled = pending(null).fail(FailureCode.OUT_OF_STOCK, 0, null, false, T1);

        assertThatThrownBy(() -> cancelled.complete(0, null, false, T1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cancelled.fail(FailureCode.TIMED_OUT, 0, null, false, T1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyACompletedOrderCanBeCancelled() {
        assertThatThrownBy(() -> pending(null).requestCancel(T1))
                .isInstanceOfSatisfying(OrderRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(OrderRefusal.ORDER_NOT_CANCELLABLE);
                    assertThat(e.facts()).containsEntry("order_status", "PENDING");
                });
        Order cancelled = pending(null).fail(FailureCode.OUT_OF_STOCK, 0, null, false, T1);
        assertThatThrownBy(() -> cancelled.requestCancel(T1))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.ORDER_NOT_CANCELLABLE));
    }

    @Test
    void aSecondCancellationIsRefusedWhileOneRunsAndTheFinishedOneCancelsTheOrder() {
        Order running = pending(null).complete(0, null, false, T0).requestCancel(T1);

        assertThat(running.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(running.cancelStatus()).isEqualTo(CancelStatus.IN_PROGRESS);
        assertThatThrownBy(() -> running.requestCancel(T1))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.ORDER_CANCEL_IN_PROGRESS));

        Order cancelled = running.cancelled(FailureCode.CANCELLED_BY_USER, T1);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancelStatus()).isEqualTo(CancelStatus.DONE);
        assertThat(cancelled.failure().code()).isEqualTo(FailureCode.CANCELLED_BY_USER);
        assertThat(cancelled.times().completedAt()).isEqualTo(T0);
        assertThat(cancelled.times().cancelledAt()).isEqualTo(T1);
    }

    @Test
    void aCancellationThatCouldNotFinishKeepsTheOrderCompletedAndCanBeRequestedAgain() {
        Order failed =
                pending(null).complete(0, null, false, T0).requestCancel(T1).cancelFailed(FailureCode.TIMED_OUT, T1);

        assertThat(failed.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(failed.cancelStatus()).isEqualTo(CancelStatus.FAILED);
        assertThat(failed.failure().code()).isEqualTo(FailureCode.TIMED_OUT);
        assertThat(failed.requestCancel(T1).cancelStatus()).isEqualTo(CancelStatus.IN_PROGRESS);
    }

    @Test
    void theOwnerAndAdminsSeeAnOrderNobodyElse() {
        Order order = pending(null);

        assertThat(order.visibleTo(7, false)).isTrue();
        assertThat(order.visibleTo(8, false)).isFalse();
        assertThat(order.visibleTo(8, true)).isTrue();
    }

    @Test
    void unknownFailureCodesReadAsAPlainFailure() {
        assertThat(FailureCode.of("OUT_OF_STOCK")).isEqualTo(FailureCode.OUT_OF_STOCK);
        assertThat(FailureCode.of("SOMETHING_NEW")).isEqualTo(FailureCode.FAILED);
    }
}
