package com.creatorcommerce.order.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.creatorcommerce.order.domain.OrderRefusal;
import com.creatorcommerce.order.domain.OrderRefusedException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatalogRefusalsTest {

    @Test
    void aStockAdjustmentIsANonZeroDeltaWithinTheStockLimit() {
        assertThat(CatalogLimits.requireStockDelta(-CatalogLimits.MAX_STOCK)).isEqualTo(-CatalogLimits.MAX_STOCK);
        assertThat(CatalogLimits.requireStockDelta(5)).isEqualTo(5);
        for (int delta : new int[] {0, CatalogLimits.MAX_STOCK + 1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> CatalogLimits.requireStockDelta(delta))
                    .isInstanceOfSatisfying(
                            OrderRefusedException.class,
                            e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.INVALID_STOCK_DELTA));
        }
    }

    @Test
    void oneRequestCreatesAtMostTheOptionLimit() {
        CatalogLimits.requireOptionCount(CatalogLimits.MAX_OPTIONS_PER_REQUEST);
        assertThatThrownBy(() -> CatalogLimits.requireOptionCount(CatalogLimits.MAX_OPTIONS_PER_REQUEST + 1))
                .isInstanceOfSatisfying(
                        OrderRefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(OrderRefusal.TOO_MANY_OPTIONS));
    }

    @Test
    void viewCountersAreKeptBeyondThePopularityWindow() {
        ViewRetention retention = ViewRetention.beyond(new PopularityWindow(3), 35);

        assertThat(retention.keepFrom(LocalDate.parse("2026-11-21"))).isEqualTo(LocalDate.parse("2026-10-17"));
        assertThatThrownBy(() -> ViewRetention.beyond(new PopularityWindow(3), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ViewRetention(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalCarriesItsFactsAndGainsMoreWithoutChangingItself() {
        OrderRefusedException base = new OrderRefusedException(OrderRefusal.DUPLICATE_SKU, "taken");
        OrderRefusedException more = base.with("sku", "A-1");

        assertThat(base.facts()).isEmpty();
        assertThat(more.facts()).containsEntry("sku", "A-1");
        assertThat(more.getMessage()).isEqualTo("taken");
        assertThat(more.refusal()).isEqualTo(OrderRefusal.DUPLICATE_SKU);
    }
}
