package com.creatorcommerce.order.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The bounds of an order's lines and the charge limits. */
class OrderLinesTest {

    @Test
    void duplicatesOfAnOptionAreMergedInTheOrderFirstAskedFor() {
        assertThat(OrderLines.normalise(List.of(new OrderLine(5, 1), new OrderLine(3, 2), new OrderLine(5, 4))))
                .containsExactly(new OrderLine(5, 5), new OrderLine(3, 2));
    }

    @Test
    void anEmptyOrderIsRefused() {
        assertRefused(List.of(), OrderRefusal.EMPTY_ORDER);
        assertRefused(null, OrderRefusal.EMPTY_ORDER);
    }

    @Test
    void fiftyLinesAreFineFiftyOneAreTooMany() {
        assertThat(OrderLines.normalise(lines(50))).hasSize(50);
        assertRefused(lines(51), OrderRefusal.TOO_MANY_LINES);
    }

    @Test
    void quantitiesOutsideOneToTheMaximumAreRefusedAlsoWhenMerged() {
        assertRefused(List.of(new OrderLine(1, 0)), OrderRefusal.INVALID_QUANTITY);
        assertRefused(List.of(new OrderLine(1, -1)), OrderRefusal.INVALID_QUANTITY);
        assertRefused(List.of(new OrderLine(1, OrderLines.MAX_QUANTITY + 1)), OrderRefusal.INVALID_QUANTITY);
        assertRefused(
                List.of(new OrderLine(1, OrderLines.MAX_QUANTITY), new OrderLine(1, 1)), OrderRefusal.INVALID_QUANTITY);
        assertThat(OrderLines.normalise(List.of(new OrderLine(1, OrderLines.MAX_QUANTITY))))
                .hasSize(1);
    }

    @Test
    void anIdThatCannotNameAnOptionIsRefused() {
        assertRefused(List.of(new OrderLine(0, 1)), OrderRefusal.PRODUCT_OPTION_NOT_FOUND);
    }

    @Test
    void aChargeIsWithinTheLimitsAndNeedsAPaymentKey() {
        ChargePolicy policy = new ChargePolicy(1_000, 2_000_000);

        policy.check(1_000L, "pk_approve_1");
        policy.check(2_000_000L, "pk_approve_1");
        assertThatThrownBy(() -> policy.check(999L, "pk")).isInstanceOfSatisfying(OrderRefusedException.class, e -> {
            assertThat(e.refusal()).isEqualTo(OrderRefusal.CHARGE_AMOUNT_OUT_OF_RANGE);
            assertThat(e.facts()).containsEntry("min_amount", 1_000L).containsEntry("max_amount", 2_000_000L);
        });
        assertThatThrownBy(() -> policy.check(2_000_001L, "pk"))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.CHARGE_AMOUNT_OUT_OF_RANGE));
        assertThatThrownBy(() -> policy.check(null, "pk"))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.CHARGE_AMOUNT_OUT_OF_RANGE));
        assertThatThrownBy(() -> policy.check(5_000L, " "))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.PAYMENT_KEY_REQUIRED));
    }

    private static List<OrderLine> lines(int n) {
        return LongStream.rangeClosed(1, n).mapToObj(id -> new OrderLine(id, 1)).toList();
    }

    private static void assertRefused(List<OrderLine> lines, OrderRefusal refusal) {
        assertThatThrownBy(() -> OrderLines.normalise(lines))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
