package com.creatorcommerce.coupon.adapter.out.persistence;

import com.creatorcommerce.coupon.application.port.IssueLedger;
import com.creatorcommerce.coupon.application.port.NewUserCoupon;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.coupon.domain.DiscountType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The issue path in plain SQL, joining the caller's (JPA-managed) transaction. Timestamps are written and read as
 * UTC wall-clock {@code DATETIME(6)}, like Hibernate with {@code hibernate.jdbc.time_zone=UTC}.
 */
@Repository
class JdbcIssueLedger implements IssueLedger {

    private final JdbcTemplate jdbc;

    JdbcIssueLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CouponSnapshot> read(long couponId) {
        return jdbc.query("""
                SELECT coupon_id, coupon_name, discount_type, discount_value, max_discount_amount, min_order_amount,
                       total_quantity, issued_quantity, valid_from, valid_until, valid_days_after_issue, is_active
                FROM coupons WHERE coupon_id = ?""", (rs, n) -> snapshot(rs), couponId).stream().findFirst();
    }

    @Override
    public boolean insertUserCoupon(NewUserCoupon uc) {
        try {
            jdbc.update("""
                    INSERT INTO user_coupons (user_coupon_id, user_id, coupon_id, is_used, issued_at, expires_at)
                    VALUES (?, ?, ?, FALSE, ?, ?)""", uc.userCouponId(), uc.userId(), uc.couponId(), utc(uc.issuedAt()), utc(uc.expiresAt()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Set<Long> insertUserCoupons(List<NewUserCoupon> userCoupons) {
        if (userCoupons.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>(userCoupons.size() * 5);
        for (NewUserCoupon uc : userCoupons) {
            args.addAll(
                    List.of(uc.userCouponId(), uc.userId(), uc.couponId(), utc(uc.issuedAt()), utc(uc.expiresAt())));
        }
        // a duplicate (user_id, coupon_id) leaves the existing row as it is and inserts nothing
        jdbc.update(
                "INSERT INTO user_coupons (user_coupon_id, user_id, coupon_id, is_used, issued_at, expires_at) "
                        + "VALUES "
                        + String.join(", ", Collections.nCopies(userCoupons.size(), "(?, ?, ?, FALSE, ?, ?)"))
                        + " ON DUPLICATE KEY UPDATE user_coupon_id = user_coupon_id",
                args.toArray());
        List<Object> ids =
                userCoupons.stream().<Object>map(NewUserCoupon::userCouponId).toList();
        return new HashSet<>(jdbc.queryForList(
                "SELECT user_coupon_id FROM user_coupons WHERE user_coupon_id IN ("
                        + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                Long.class,
                ids.toArray()));
    }

    @Override
    public boolean take(long couponId, int count, Instant now) {
        LocalDateTime at = utc(now);
        return jdbc.update("""
                UPDATE coupons SET issued_quantity = issued_quantity + ?
                WHERE coupon_id = ? AND is_active = TRUE AND valid_from <= ? AND valid_until > ?
                  AND (total_quantity IS NULL OR issued_quantity + ? <= total_quantity)""", count, couponId, at, at, count) == 1;
    }

    private static CouponSnapshot snapshot(ResultSet rs) throws SQLException {
        return new CouponSnapshot(
                rs.getLong("coupon_id"),
                rs.getString("coupon_name"),
                DiscountType.valueOf(rs.getString("discount_type")),
                rs.getLong("discount_value"),
                rs.getObject("max_discount_amount", Long.class),
                rs.getLong("min_order_amount"),
                rs.getObject("total_quantity", Integer.class),
                rs.getInt("issued_quantity"),
                instant(rs, "valid_from"),
                instant(rs, "valid_until"),
                rs.getObject("valid_days_after_issue", Integer.class),
                rs.getBoolean("is_active"));
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
