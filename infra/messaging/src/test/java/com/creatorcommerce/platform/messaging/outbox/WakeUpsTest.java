package com.creatorcommerce.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WakeUpsTest {

    @Test
    void aRoundThatSentNothingAddsNoPause() {
        assertThat(WakeUps.pacing(0, TimeUnit.MILLISECONDS.toNanos(3))).isZero();
    }

    @Test
    void aRoundThatSentRowsPacesTheNextByItsSelect() {
        long select = TimeUnit.MICROSECONDS.toNanos(150);
        assertThat(WakeUps.pacing(1, select)).isEqualTo(WakeUps.PACING_FACTOR * select);
    }

    @Test
    void theDatabaseBeingSlowNeverPausesLongerThanTheCap() {
        assertThat(WakeUps.pacing(40, TimeUnit.SECONDS.toNanos(1))).isEqualTo(WakeUps.MAX_PACING_NANOS);
        assertThat(WakeUps.pacing(1, -5)).isZero();
    }

    @Test
    void aWakeUpDuringThePauseIsServedByTheNextRoundWithoutWaitingForThePoll() throws Exception {
        WakeUps wakeUps = new WakeUps();
        wakeUps.paceAfter(10, TimeUnit.MILLISECONDS.toNanos(1)); // 2 ms pause
        wakeUps.wakeUp();
        long started = System.nanoTime();
        wakeUps.await(60_000);
        long waited = System.nanoTime() - started;
        assertThat(waited)
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2))
                .isLessThan(TimeUnit.SECONDS.toNanos(30));
        assertThat(wakeUps.takeDelay()).isPositive();
    }
}
