package com.creatorcommerce.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountTypeTest {

    @ParameterizedTest(name = "{0} off an order of {1} = {2}")
    @CsvSource({"5000, 30000, 5000", "5000, 5000, 5000", "5000, 3000, 3000", "5000, 0, 0"})
    void aFixedDiscountIsItsValueButNeverMoreThanTheOrder(long value, long order, long expected) {
        assertThat(DiscountType.FIXED.discountFor(value, null, order)).isEqualTo(expected);
    }

    @Test
    void aFixedDiscountIgnoresTheMaxDiscountAmount() {
        assertThat(DiscountType.FIXED.discountFor(5000, 100L, 30000)).isEqualTo(5000);
    }

    @ParameterizedTest(name = "{0}% of {2} with cap {1} = {3}")
    @CsvSource(
            nullValues = "none",
            value = {
                "10, 3000, 12345, 1234", // rounded down
                "10, 3000, 29999, 2999",
                "10, 3000, 30000, 3000",
                "10, 3000, 50000, 3000", // capped
                "15, none, 1000001, 150000", // floor(150000.15)
                "33, none, 100, 33",
                "33, none, 99, 32", // floor(32.67)
                "100, none, 12345, 12345",
                "100, 500, 12345, 500",
                "1, none, 99, 0",
                "50, none, 9223372036854775807, 4611686018427387903"
            }) // no overflow
    void aPercentageDiscountIsRoundedDownAndCapped(long percent, Long cap, long order, long expected) {
        assertThat(DiscountType.PERCENTAGE.discountFor(percent, cap, order)).isEqualTo(expected);
    }

    @Test
    void refusesANegativeOrderAmount() {
        assertThatThrownBy(() -> DiscountType.PERCENTAGE.discountFor(10, null, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
