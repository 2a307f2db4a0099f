package com.creatorcommerce.coupon.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Coupons written straight into the database, in states the admin API would refuse to create (expired, not
 * started, sold out): {@code CouponFixture.aFixedCoupon(5000).withQuantity(10).insert(jdbc)}.
 */
public final class CouponFixture {

    private String name = "Test coupon";
    private String discountType = "FIXED";
    private long discountValue = 1000;
    private Long maxDiscountAmount;
    private long minOrderAmount;
    private Integer totalQuantity = 100;
    private int issuedQuantity;
    private Instant validFrom = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    private Instant validUntil = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
    private Integer validDaysAfterIssue;
    private boolean active = true;

    private CouponFixture() {}

    public static CouponFixture aFixedCoupon(long amount) {
        CouponFixture f = new CouponFixture();
        f.discountValue = amount;
        return f;
    }

    public static CouponFixture aPercentageCoupon(long percent, Long maxDiscountAmount) {
        CouponFixture f = new CouponFixture();
        f.discountType = "PERCENTAGE";
        f.discountValue = percent;
        f.maxDiscountAmount = maxDiscountAmount;
        return f;
    }

    public CouponFixture named(String name) {
        this.name = name;
        return this;
    }

    public CouponFixture withQuantity(int total) {
        this.totalQuantity = total;
        return this;
    }

    public CouponFixture unlimited() {
        this.totalQuantity = null;
        return this;
    }

    public CouponFixture alreadyIssued(int issued) {
        this.issuedQuantity = issued;
        return this;
    }

    public CouponFixture soldOut() {
        this.issuedQuantity = totalQuantity;
        return this;
    }

    public CouponFixture withMinOrderAmount(long amount) {
        this.minOrderAmount = amount;
        return this;
    }

    public CouponFixture validDaysAfterIssue(int days) {
        this.validDaysAfterIssue = days;
        return this;
    }

    public CouponFixture validUntil(Instant until) {
        this.validUntil = until.truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    public CouponFixture expired() {
        this.validFrom = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
        this.validUntil = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    public CouponFixture notStartedYet() {
        this.validFrom = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
        this.validUntil = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
        return this;
    }

    public CouponFixture inactive() {
        this.active = false;
        return this;
    }

    public Instant validUntil() {
        return validUntil;
    }

    /** Inserts the coupon; returns its id. */
    public long insert(JdbcTemplate jdbc) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.update(
                """
                INSERT INTO coupons (coupon_id, coupon_name, discount_type, discount_value, max_discount_amount,
                                     min_order_amount, total_quantity, issued_quantity, valid_from, valid_until,
                                     valid_days_after_issue, is_active, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                name,
                discountType,
                discountValue,
                maxDiscountAmount,
                minOrderAmount,
                totalQuantity,
                issuedQuantity,
                utc(validFrom),
                utc(validUntil),
                validDaysAfterIssue,
                active,
                now,
                now);
        return id;
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A fresh user id (positive, below 2^53). */
    public static long newUserId() {
        return ThreadLocalRandom.current().nextLong(1_000, 1L << 53);
    }
}
