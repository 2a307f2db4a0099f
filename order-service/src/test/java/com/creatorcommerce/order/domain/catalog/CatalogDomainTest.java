package com.creatorcommerce.order.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogDomainTest {

    private static final Instant T = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void anOptionCostsTheBasePricePlusItsAdditionalPrice() {
        Product product = new Product(1, "Shirt", null, 29_000, 0, 0, true, T, T);
        ProductOption large = new ProductOption(2, 1, "L", "SHIRT-L", 2_000, 0, true, T, T);

        assertThat(new ProductWithOptions(product, List.of(large)).unitPrice(large))
                .isEqualTo(31_000);
        assertThat(large.inStock()).isFalse();
        assertThatThrownBy(() -> new ProductWithOptions(
                        product, List.of(new ProductOption(3, 99, "X", "X-1", 0, 1, true, T, T))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeOrAbsurdPricesStockAndBadSkus() {
        assertThatThrownBy(() -> new Product(1, "P", null, -1, 0, 0, true, T, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Product(1, "P", null, CatalogLimits.MAX_PRICE + 1, 0, 0, true, T, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Product(1, " ", null, 1, 0, 0, true, T, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductOption(2, 1, "O", "SKU", -1, 0, true, T, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductOption(2, 1, "O", "SKU", 0, -1, true, T, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductOption(2, 1, "O", "has space", 0, 0, true, T, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogLimits.requireStock(CatalogLimits.MAX_STOCK + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Product(1, "  Trimmed  ", null, 0, 0, 0, true, T, T).productName())
                .isEqualTo("Trimmed");
    }

    @Test
    void thePopularityWindowIsTodayAndTheDaysBeforeIt() {
        LocalDate today = LocalDate.parse("2026-11-21");

        assertThat(new PopularityWindow(3).firstDay(today)).isEqualTo(LocalDate.parse("2026-11-19"));
        assertThat(new PopularityWindow(1).firstDay(today)).isEqualTo(today);
        assertThatThrownBy(() -> new PopularityWindow(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
