package com.creatorcommerce.order.domain.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartTest {

    @Test
    void flagsALineAgainstTheCatalogAsItIsNow() {
        CartLine fine = line(1, 2, 10_000, 10_000, true, true, 5);
        CartLine repriced = line(2, 1, 10_000, 12_000, true, true, 5);
        CartLine retired = line(3, 1, 10_000, 10_000, true, false, 5);
        CartLine scarce = line(4, 3, 10_000, 10_000, true, true, 2);
        CartLine soldOut = line(5, 1, 10_000, 10_000, true, true, 0);

        assertThat(fine.orderable()).isTrue();
        assertThat(fine.subtotal()).isEqualTo(20_000);
        assertThat(repriced.priceChanged()).isTrue();
        assertThat(repriced.orderable()).as("a new price alone does not block").isTrue();
        assertThat(retired.available()).isFalse();
        assertThat(retired.orderable()).isFalse();
        assertThat(scarce.insufficientStock()).isTrue();
        assertThat(scarce.outOfStock()).isFalse();
        assertThat(soldOut.outOfStock()).isTrue();
        assertThat(soldOut.insufficientStock()).isTrue();

        Cart cart = new Cart(7, List.of(fine, repriced, retired, scarce, soldOut));
        assertThat(cart.totalAmount()).isEqualTo(20_000 + 12_000);
        assertThat(cart.totalQuantity()).isEqualTo(3);
        assertThat(cart.hasUnorderableLines()).isTrue();
        assertThat(cart.hasPriceChanges()).isTrue();
        assertThat(new Cart(7, List.of(fine)).hasUnorderableLines()).isFalse();
    }

    @Test
    void aCartHoldsOnlyItsOwnersLines() {
        assertThatThrownBy(() -> new Cart(8, List.of(line(1, 1, 1, 1, true, true, 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line(1, 0, 1, 1, true, true, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CartLine line(
            long id, int quantity, long saved, long current, boolean productActive, boolean optionActive, int stock) {
        return new CartLine(
                id,
                7,
                100,
                "P",
                1_000 + id,
                "O" + id,
                "SKU-" + id,
                quantity,
                saved,
                current,
                productActive,
                optionActive,
                stock,
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
