package com.creatorcommerce.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static CouponSnapshot snapshot(
            boolean active, Instant from, Instant until, Integer total, int issued, Integer days) {
        return new CouponSnapshot(1, "c", DiscountType.FIXED, 1000, null, 0, total, issued, from, until, days, active);
    }

    private static CouponRefusal refusal(CouponSnapshot coupon) {
        return coupon.issueRefusal(NOW).map(CouponRefusedException::refusal).orElse(null);
    }

    @Test
    void refusesIssuingInactiveNotStartedExpiredAndSoldOutCoupons() {
        Instant from = NOW.minus(Duration.ofDays(1));
        Instant until = NOW.plus(Duration.ofDays(1));
        assertThat(refusal(snapshot(true, from, until, 10, 9, null))).isNull();
        assertThat(refusal(snapshot(true, from, until, null, 1_000_000, null)))
                .as("unlimited")
                .isNull();
        assertThat(refusal(snapshot(false, from, until, 10, 0, null))).isEqualTo(CouponRefusal.COUPON_INACTIVE);
        assertThat(refusal(snapshot(true, NOW.plusSeconds(1), until, 10, 0, null)))
                .isEqualTo(CouponRefusal.COUPON_NOT_STARTED);
        assertThat(refusal(snapshot(true, from, NOW, 10, 0, null))).isEqualTo(CouponRefusal.COUPON_EXPIRED);
        assertThat(refusal(snapshot(true, from, until, 10, 10, null))).isEqualTo(CouponRefusal.COUPON_SOLD_OUT);
        assertThat(refusal(snapshot(false, from, NOW, 10, 10, null)))
                .as("inactive first")
                .isEqualTo(CouponRefusal.COUPON_INACTIVE);
    }

    @Test
    void aUserCouponExpiresWithTheCouponOrEarlierByTheDaysRule() {
        Instant until = NOW.plus(Duration.ofDays(10));
        assertThat(snapshot(true, NOW, until, 1, 0, null).expiresAt(NOW)).isEqualTo(until);
        assertThat(snapshot(true, NOW, until, 1, 0, 3).expiresAt(NOW)).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(snapshot(true, NOW, until, 1, 0, 30).expiresAt(NOW)).isEqualTo(until);
    }

    @Test
    void aRevisionCannotTakeTheTotalBelowWhatWasIssued() {
        Coupon coupon = Coupon.create(
                1,
                new CouponTerms("c", DiscountType.FIXED, 1000, null, 0, 10, NOW, NOW.plus(Duration.ofDays(1)), null),
                NOW);

        assertThatThrownBy(() -> coupon.revise(
                        new CouponTerms(
                                "c",
                                DiscountType.PERCENTAGE,
                                101,
                                null,
                                0,
                                10,
                                NOW,
                                NOW.plus(Duration.ofDays(1)),
                                null),
                        null,
                        NOW))
                .isInstanceOf(InvalidCouponException.class);
        coupon.revise(
                new CouponTerms(
                        "d", DiscountType.PERCENTAGE, 10, 500L, 0, null, NOW, NOW.plus(Duration.ofDays(2)), null),
                false,
                NOW);

        assertThat(coupon.snapshot().discountFor(100_000)).isEqualTo(500);
        assertThat(coupon.snapshot().active()).isFalse();
        assertThat(coupon.snapshot().unlimited()).isTrue();
    }
}
