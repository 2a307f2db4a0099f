package com.creatorcommerce.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserCouponTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final long USER = 7;
    private static final CouponSnapshot FIXED_5000_MIN_10000 = new CouponSnapshot(
            1,
            "c",
            DiscountType.FIXED,
            5000,
            null,
            10_000,
            100,
            1,
            NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(9)),
            null,
            true);

    private static UserCoupon aUserCoupon() {
        return UserCoupon.issued(10, USER, 1, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)));
    }

    private static CouponRefusal refusalOf(Runnable action) {
        try {
            action.run();
            return null;
        } catch (CouponRefusedException e) {
            return e.refusal();
        }
    }

    @Test
    void aReservationHoldsTheCouponWithItsDiscountUntilConfirmedOrReleased() {
        UserCoupon userCoupon = aUserCoupon();
        assertThat(userCoupon.status(NOW)).isEqualTo(UserCouponStatus.UNUSED);

        CouponUsage usage = userCoupon.reserve(100, USER, 500, 30_000, FIXED_5000_MIN_10000, NOW);
        assertThat(usage.discountAmount()).isEqualTo(5000);
        assertThat(usage.status()).isEqualTo(UsageStatus.RESERVED);
        assertThat(userCoupon.status(NOW)).isEqualTo(UserCouponStatus.RESERVED);

        userCoupon.confirm(usage, NOW);
        assertThat(usage.status()).isEqualTo(UsageStatus.USED);
        assertThat(userCoupon.status(NOW)).isEqualTo(UserCouponStatus.USED);

        assertThat(userCoupon.release(usage, NOW, "ORDER_CANCELLED"))
                .as("was used")
                .isTrue();
        assertThat(usage.status()).isEqualTo(UsageStatus.CANCELLED);
        assertThat(userCoupon.status(NOW)).isEqualTo(UserCouponStatus.UNUSED);
        assertThat(userCoupon.status(NOW.plus(Duration.ofDays(2)))).isEqualTo(UserCouponStatus.EXPIRED);
    }

    @Test
    void refusesReservationsThatBreakTheRules() {
        UserCoupon held = aUserCoupon();
        held.reserve(100, USER, 500, 30_000, FIXED_5000_MIN_10000, NOW);

        assertThat(refusalOf(() -> aUserCoupon().reserve(1, 8, 1, 30_000, FIXED_5000_MIN_10000, NOW)))
                .isEqualTo(CouponRefusal.NOT_OWNER);
        assertThat(refusalOf(() -> aUserCoupon().reserve(1, USER, 1, 9_999, FIXED_5000_MIN_10000, NOW)))
                .isEqualTo(CouponRefusal.MIN_ORDER_AMOUNT_NOT_MET);
        assertThat(refusalOf(() ->
                        aUserCoupon().reserve(1, USER, 1, 30_000, FIXED_5000_MIN_10000, NOW.plus(Duration.ofDays(1)))))
                .isEqualTo(CouponRefusal.USER_COUPON_EXPIRED);
        assertThat(refusalOf(() -> held.reserve(1, USER, 501, 30_000, FIXED_5000_MIN_10000, NOW)))
                .isEqualTo(CouponRefusal.USER_COUPON_RESERVED_BY_ANOTHER_ORDER);
        assertThat(refusalOf(() -> aUserCoupon().reserve(1, USER, 1, 10_000, FIXED_5000_MIN_10000, NOW)))
                .isNull();
    }

    @Test
    void onlyTheLiveUsageCanBeConfirmedOrReleased() {
        UserCoupon userCoupon = aUserCoupon();
        CouponUsage tombstone = CouponUsage.releasedBeforeReserve(1, 10, 500, "TIMEOUT", NOW);

        assertThatThrownBy(() -> userCoupon.confirm(tombstone, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> userCoupon.release(tombstone, NOW, "x")).isInstanceOf(IllegalStateException.class);
    }
}
