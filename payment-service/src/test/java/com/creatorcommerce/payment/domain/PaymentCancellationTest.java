package com.creatorcommerce.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentCancellationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private static final CheckSchedule SCHEDULE =
            new CheckSchedule(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(2), 3);

    private static PaymentCancellation requested() {
        Payment p = Payment.request(
                1, RequestedPayment.of("pk_1", PaymentPurpose.ORDER_CHARGE, 77, 9, 1_000, "KRW", "s"), NOW);
        return PaymentCancellation.request(2, p, "cancel-1", 1_000, true, "changed my mind", true, "saga-1", NOW);
    }

    @Test
    void anUnknownAnswerIsSentAgainAfterABackOffAndFlaggedOnceAtTheCap() {
        PaymentCancellation c = requested();
        c.holdChecks(SCHEDULE, NOW);
        assertThat(c.nextCheckAt()).isEqualTo(NOW.plusSeconds(30));
        assertThat(c.claimCheck(NOW, SCHEDULE, NOW)).as("not due yet").isFalse();

        c.sent(SCHEDULE, NOW);
        assertThat(c.stillUnknown("5xx", SCHEDULE, NOW)).isFalse();
        assertThat(c.nextCheckAt()).isEqualTo(NOW.plusSeconds(30));
        c.sent(SCHEDULE, NOW);
        c.sent(SCHEDULE, NOW);
        assertThat(c.stillUnknown("5xx", SCHEDULE, NOW))
                .as("flagged at the cap")
                .isTrue();
        assertThat(c.attentionAt()).isEqualTo(NOW);
        assertThat(c.nextCheckAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(c.stillUnknown("5xx", SCHEDULE, NOW.plusSeconds(1)))
                .as("once")
                .isFalse();
        assertThat(c.attentionAt()).isEqualTo(NOW);

        assertThat(c.claimCheck(NOW.plusSeconds(121), SCHEDULE, NOW)).isTrue();
        assertThat(c.done(NOW)).isTrue();
        assertThat(c.status()).isEqualTo(CancellationStatus.DONE);
        assertThat(c.nextCheckAt()).as("nothing more to check").isNull();
        assertThat(c.claimCheck(NOW.plusSeconds(9_999), SCHEDULE, NOW)).isFalse();
        assertThat(c.stillUnknown("late", SCHEDULE, NOW)).isFalse();
    }

    @Test
    void aRefusedCancelIsFinalAndACancelThePgAlreadyDidIsRecordedDone() {
        PaymentCancellation c = requested();
        assertThat(c.fail("NOT_CANCELABLE", "no", NOW)).isTrue();
        assertThat(c.status()).isEqualTo(CancellationStatus.FAILED);
        assertThat(c.nextCheckAt()).isNull();
        assertThat(c.done(NOW)).isFalse();

        Payment p = Payment.request(
                3, RequestedPayment.of("pk_3", PaymentPurpose.POINT_CHARGE, 5, 9, 500, "KRW", null), NOW);
        PaymentCancellation atPg = PaymentCancellation.doneAtPg(4, p, 500, "Cancelled at the PG", null, NOW);
        assertThat(atPg.status()).isEqualTo(CancellationStatus.DONE);
        assertThat(atPg.requested().reply()).isFalse();
        assertThat(p.requested().chargeRequestId())
                .as("a point charge's reference is its charge request")
                .isEqualTo(5);
    }

    @Test
    void whatACancelAsksIsFixedWithADefaultAndAClippedReason() {
        RequestedCancel none = new RequestedCancel("cancel-1", 1_000, true, " ", true, "saga-1");
        assertThat(none.reason()).isEqualTo("cancel requested");
        assertThat(none.full()).isTrue();

        RequestedCancel own = new RequestedCancel(null, 500, false, "y".repeat(300), false, null);
        assertThat(own.reason()).hasSize(200);
        assertThat(own.requestId()).isNull();
        assertThat(own.reply()).isFalse();
        assertThat(requested().requested())
                .isEqualTo(new RequestedCancel("cancel-1", 1_000, true, "changed my mind", true, "saga-1"));
    }
}
