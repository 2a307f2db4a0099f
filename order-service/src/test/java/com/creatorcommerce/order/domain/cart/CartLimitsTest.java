package com.creatorcommerce.order.domain.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cart's bounds are refusals with stable codes, and with the facts a client needs to fix its request. */
class CartLimitsTest {

    @Test
    void aQuantityIsOneToTheLineLimit() {
        CartLimits.requireQuantity(1);
        CartLimits.requireQuantity(CartLimits.MAX_LINE_QUANTITY);
        assertThatThrownBy(() -> CartLimits.requireQuantity(0))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.INVALID_QUANTITY));
        assertThatThrownBy(() -> CartLimits.requireQuantity(CartLimits.MAX_LINE_QUANTITY + 1))
                .isInstanceOf(OrderRefusedException.class);
    }

    @Test
    void aLineAboveTheLimitIsRefusedWithTheQuantityItHadBefore() {
        CartLimits.requireLineWithinLimit(line(CartLimits.MAX_LINE_QUANTITY), 9);

        assertThatThrownBy(() -> CartLimits.requireLineWithinLimit(line(CartLimits.MAX_LINE_QUANTITY + 3), 5))
                .isInstanceOfSatisfying(OrderRefusedException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(OrderRefusal.CART_LINE_LIMIT_EXCEEDED);
                    assertThat(e.facts())
                            .containsEntry("max_quantity", CartLimits.MAX_LINE_QUANTITY)
                            .containsEntry("current_quantity", CartLimits.MAX_LINE_QUANTITY - 2);
                });
    }

    @Test
    void aCartHoldsAtMostTheLineLimit() {
        CartLimits.requireLinesWithinLimit(CartLimits.MAX_LINES);
        assertThatThrownBy(() -> CartLimits.requireLinesWithinLimit(CartLimits.MAX_LINES + 1))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.CART_FULL));
    }

    private static CartLine line(int quantity) {
        return new CartLine(
                1, 7, 100, "P", 1_000, "O", "SKU-1", quantity, 10, 10, true, true, 500, Instant.EPOCH, Instant.EPOCH);
    }
}
