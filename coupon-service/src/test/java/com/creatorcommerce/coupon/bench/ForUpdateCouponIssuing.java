package com.creatorcommerce.coupon.bench;

import com.creatorcommerce.contracts.coupon.CouponIssued;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.coupon.domain.CouponRefusal;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * BENCHMARK BASELINE ONLY (not used by the service): seed 003's pessimistic issuing. In one transaction: lock the
 * coupon row with {@code SELECT ... FOR UPDATE}, check quantity and validity, check for an existing user coupon,
 * insert it, increment {@code issued_quantity}, append the same {@code coupon.issued.v1} event. Every request, sold
 * out or not, queues on the coupon's row lock for several round trips.
 */
public final class ForUpdateCouponIssuing {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    public ForUpdateCouponIssuing(
            JdbcTemplate jdbc, TransactionTemplate tx, Outbox outbox, IdGenerator ids, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** @return the user coupon id; throws {@link CouponRefusedException} like the real service */
    public long issue(long userId, long couponId) {
        Instant now = clock.instant();
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        Long issued = tx.execute(status -> {
            // 1. lock the coupon row
            LockedCoupon coupon = jdbc
                    .query(
                            """
                    SELECT total_quantity, issued_quantity, is_active, valid_from, valid_until, valid_days_after_issue
                    FROM coupons WHERE coupon_id = ? FOR UPDATE""",
                            (rs, n) -> new LockedCoupon(
                                    rs.getObject("total_quantity", Integer.class),
                                    rs.getInt("issued_quantity"),
                                    rs.getBoolean("is_active"),
                                    rs.getObject("valid_from", LocalDateTime.class),
                                    rs.getObject("valid_until", LocalDateTime.class),
                                    rs.getObject("valid_days_after_issue", Integer.class)),
                            couponId)
                    .stream()
                    .findFirst()
                    .orElseThrow(() -> new CouponRefusedException(CouponRefusal.COUPON_NOT_FOUND, "No coupon"));
            // 2. validate
            if (!coupon.active()) {
                throw new CouponRefusedException(CouponRefusal.COUPON_INACTIVE, "Inactive");
            }
            if (at.isBefore(coupon.validFrom()) || !at.isBefore(coupon.validUntil())) {
                throw new CouponRefusedException(CouponRefusal.COUPON_EXPIRED, "Not valid now");
            }
            if (coupon.total() != null && coupon.issued() >= coupon.total()) {
                throw new CouponRefusedException(CouponRefusal.COUPON_SOLD_OUT, "Sold out");
            }
            // 3. one per user
            Integer existing = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM user_coupons WHERE user_id = ? " + "AND coupon_id = ?",
                    Integer.class,
                    userId,
                    couponId);
            if (existing != null && existing > 0) {
                throw new CouponRefusedException(CouponRefusal.COUPON_ALREADY_ISSUED, "Already issued");
            }
            // 4. issue: user coupon + quantity (+ the same event as the real service)
            long userCouponId = ids.nextId();
            Integer days = coupon.validDays();
            Instant untilInstant = coupon.validUntil().toInstant(ZoneOffset.UTC);
            Instant expiresAt = days == null || now.plus(Duration.ofDays(days)).isAfter(untilInstant)
                    ? untilInstant
                    : now.plus(Duration.ofDays(days));
            jdbc.update(
                    "INSERT INTO user_coupons (user_coupon_id, user_id, coupon_id, is_used, issued_at, "
                            + "expires_at) VALUES (?, ?, ?, FALSE, ?, ?)",
                    userCouponId,
                    userId,
                    couponId,
                    at,
                    LocalDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            jdbc.update("UPDATE coupons SET issued_quantity = issued_quantity + 1 WHERE coupon_id = ?", couponId);
            outbox.append(OutboundMessage.of(
                            CouponTopics.EVENTS,
                            Long.toString(userCouponId),
                            CouponTopics.ISSUED,
                            new CouponIssued(userCouponId, couponId, userId, now, expiresAt))
                    .withUserId(userId));
            return userCouponId;
        });
        return issued;
    }

    private record LockedCoupon(
            Integer total,
            int issued,
            boolean active,
            LocalDateTime validFrom,
            LocalDateTime validUntil,
            Integer validDays) {}
}
