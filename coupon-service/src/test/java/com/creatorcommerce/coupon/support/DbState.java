package com.creatorcommerce.coupon.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** A fingerprint of everything coupon-service stores, to prove that a refused request changed nothing. */
public record DbState(
        long coupons,
        long couponsChecksum,
        long userCoupons,
        long userCouponsChecksum,
        long usages,
        long usagesChecksum,
        long outbox) {

    public static DbState of(JdbcTemplate jdbc) {
        return new DbState(
                count(jdbc, "SELECT COUNT(*) FROM coupons"),
                count(jdbc, """
                        SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', coupon_id, coupon_name, discount_type, discount_value,
                               max_discount_amount, min_order_amount, total_quantity, issued_quantity, valid_from,
                               valid_until, valid_days_after_issue, is_active, updated_at))), 0) FROM coupons"""),
                count(jdbc, "SELECT COUNT(*) FROM user_coupons"),
                count(jdbc, """
                        SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', user_coupon_id, user_id, coupon_id, order_id,
                               is_used, expires_at, used_at))), 0) FROM user_coupons"""),
                count(jdbc, "SELECT COUNT(*) FROM coupon_usage_history"),
                count(jdbc, """
                        SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', usage_id, status, order_id, discount_amount))), 0)
                        FROM coupon_usage_history"""),
                count(jdbc, "SELECT COUNT(*) FROM outbox_event"));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
