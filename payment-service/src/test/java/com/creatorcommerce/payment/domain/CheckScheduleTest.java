package com.creatorcommerce.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private final CheckSchedule schedule =
            new CheckSchedule(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(30), 12);

    @Test
    void theDelayDoublesFromTheFirstAndIsCapped() {
        assertThat(schedule.delay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.delay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.delay(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.delay(7)).isEqualTo(Duration.ofMinutes(30)); // 32 min, capped
        assertThat(schedule.delay(1_000_000)).isEqualTo(Duration.ofMinutes(30));
        assertThat(schedule.next(2, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(schedule.holdUntil(NOW)).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void attemptsAreExhaustedAtTheCap() {
        assertThat(schedule.exhausted(11)).isFalse();
        assertThat(schedule.exhausted(12)).isTrue();
        assertThatThrownBy(() -> new CheckSchedule(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
