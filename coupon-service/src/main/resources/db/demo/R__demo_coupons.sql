-- DEMO DATA ONLY (loaded with the dev profile: spring.flyway.locations adds classpath:db/demo).
-- Seed 003's five coupons, relative to the time of loading, and the seed's example user coupons:
--   1: 5,000 KRW off (FIXED), 100 of them          4: an expired coupon
--   2: 10% off, at most 3,000 KRW, 50 of them      5: a sold-out coupon (issued_quantity = total_quantity)
--   3: signup coupon, unlimited, 30 days after issue
-- User 1 holds coupon 1 (unused); user 2 used coupon 2 on a demo order; users 3-5 hold the sold-out coupon 5.
-- Repeatable and idempotent (INSERT IGNORE on fixed ids).

INSERT IGNORE INTO coupons (coupon_id, coupon_name, discount_type, discount_value, max_discount_amount,
                            min_order_amount, total_quantity, issued_quantity, valid_from, valid_until,
                            valid_days_after_issue, is_active, created_at, updated_at)
VALUES
    (1, '5,000원 할인 쿠폰', 'FIXED', 5000, NULL, 20000, 100, 1,
        UTC_TIMESTAMP(6) - INTERVAL 1 DAY, UTC_TIMESTAMP(6) + INTERVAL 365 DAY, NULL, TRUE,
        UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (2, '10% 할인 쿠폰 (최대 3,000원)', 'PERCENTAGE', 10, 3000, 0, 50, 1,
        UTC_TIMESTAMP(6) - INTERVAL 1 DAY, UTC_TIMESTAMP(6) + INTERVAL 365 DAY, NULL, TRUE,
        UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (3, '신규 가입 쿠폰', 'FIXED', 3000, NULL, 0, NULL, 0,
        UTC_TIMESTAMP(6) - INTERVAL 1 DAY, UTC_TIMESTAMP(6) + INTERVAL 3650 DAY, 30, TRUE,
        UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (4, '만료된 쿠폰', 'FIXED', 2000, NULL, 0, 100, 0,
        UTC_TIMESTAMP(6) - INTERVAL 60 DAY, UTC_TIMESTAMP(6) - INTERVAL 30 DAY, NULL, TRUE,
        UTC_TIMESTAMP(6) - INTERVAL 60 DAY, UTC_TIMESTAMP(6) - INTERVAL 60 DAY),
    (5, '소진된 쿠폰', 'FIXED', 1000, NULL, 0, 3, 3,
        UTC_TIMESTAMP(6) - INTERVAL 7 DAY, UTC_TIMESTAMP(6) + INTERVAL 30 DAY, NULL, TRUE,
        UTC_TIMESTAMP(6) - INTERVAL 7 DAY, UTC_TIMESTAMP(6) - INTERVAL 7 DAY);

INSERT IGNORE INTO user_coupons (user_coupon_id, user_id, coupon_id, order_id, is_used, issued_at, expires_at,
                                 used_at, reserved_at)
VALUES
    (101, 1, 1, NULL, FALSE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 365 DAY, NULL, NULL),
    (102, 2, 2, 900002, TRUE, UTC_TIMESTAMP(6) - INTERVAL 1 HOUR, UTC_TIMESTAMP(6) + INTERVAL 365 DAY,
        UTC_TIMESTAMP(6) - INTERVAL 30 MINUTE, UTC_TIMESTAMP(6) - INTERVAL 31 MINUTE),
    (103, 3, 5, NULL, FALSE, UTC_TIMESTAMP(6) - INTERVAL 6 DAY, UTC_TIMESTAMP(6) + INTERVAL 30 DAY, NULL, NULL),
    (104, 4, 5, NULL, FALSE, UTC_TIMESTAMP(6) - INTERVAL 6 DAY, UTC_TIMESTAMP(6) + INTERVAL 30 DAY, NULL, NULL),
    (105, 5, 5, NULL, FALSE, UTC_TIMESTAMP(6) - INTERVAL 6 DAY, UTC_TIMESTAMP(6) + INTERVAL 30 DAY, NULL, NULL);

INSERT IGNORE INTO coupon_usage_history (usage_id, user_coupon_id, order_id, order_amount, discount_amount, status,
                                         reserved_at, used_at)
VALUES
    (201, 102, 900002, 25000, 2500, 'USED', UTC_TIMESTAMP(6) - INTERVAL 31 MINUTE,
        UTC_TIMESTAMP(6) - INTERVAL 30 MINUTE);
