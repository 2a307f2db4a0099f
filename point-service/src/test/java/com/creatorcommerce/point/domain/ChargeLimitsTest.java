package com.creatorcommerce.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChargeLimitsTest {

    private final ChargeLimits limits = new ChargeLimits(1_000, 2_000_000);

    @Test
    void bothBoundsAreAllowedAndAnythingOutsideIsRefusedWithTheLimits() {
        assertThat(limits.allows(1_000)).isTrue();
        assertThat(limits.allows(2_000_000)).isTrue();
        assertThat(limits.allows(999)).isFalse();
        assertThat(limits.allows(2_000_001)).isFalse();

        assertThatThrownBy(() -> limits.check(999)).isInstanceOfSatisfying(PointRefusedException.class, e -> {
            assertThat(e.refusal()).isEqualTo(PointRefusal.INVALID_CHARGE_AMOUNT);
            assertThat(e.facts()).containsEntry("min_amount", 1_000L).containsEntry("max_amount", 2_000_000L);
            assertThat(e.getMessage()).isEqualTo("A charge is between 1000 and 2000000 points");
        });
        limits.check(5_000);
    }

    @Test
    void limitsMakeSense() {
        assertThatThrownBy(() -> new ChargeLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChargeLimits(10, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ChargeLimits(10, 10).allows(10)).isTrue();
    }
}
