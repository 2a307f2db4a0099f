-- coupon-service schema. Table and column names follow the requirement seeds (004: coupons, user_coupons,
-- coupon_usage_history); money is KRW as BIGINT, timestamps are UTC DATETIME(6).

CREATE TABLE coupons (
    coupon_id              BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    coupon_name            VARCHAR(100) NOT NULL,
    discount_type          VARCHAR(16)  NOT NULL COMMENT 'FIXED, PERCENTAGE',
    discount_value         BIGINT       NOT NULL COMMENT 'FIXED: KRW; PERCENTAGE: percent 1..100',
    max_discount_amount    BIGINT       NULL COMMENT 'PERCENTAGE only: cap in KRW',
    min_order_amount       BIGINT       NOT NULL DEFAULT 0,
    total_quantity         INT          NULL COMMENT 'NULL = unlimited',
    issued_quantity        INT          NOT NULL DEFAULT 0,
    valid_from             DATETIME(6)  NOT NULL,
    valid_until            DATETIME(6)  NOT NULL,
    valid_days_after_issue INT          NULL COMMENT 'user coupon expires this many days after issue (or at valid_until if earlier)',
    is_active              BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at             DATETIME(6)  NOT NULL,
    updated_at             DATETIME(6)  NOT NULL,
    -- listing what is issuable now: active, valid_from <= now < valid_until
    KEY idx_coupons_issuable (is_active, valid_until, valid_from),
    CONSTRAINT chk_coupons_discount_type CHECK (discount_type IN ('FIXED', 'PERCENTAGE')),
    CONSTRAINT chk_coupons_discount_value CHECK (discount_value > 0
        AND (discount_type <> 'PERCENTAGE' OR discount_value <= 100)),
    CONSTRAINT chk_coupons_amounts CHECK (min_order_amount >= 0
        AND (max_discount_amount IS NULL OR max_discount_amount > 0)),
    -- the last line of defence of "never more issued than the total quantity"
    CONSTRAINT chk_coupons_quantity CHECK (issued_quantity >= 0
        AND (total_quantity IS NULL OR (total_quantity >= 1 AND issued_quantity <= total_quantity))),
    CONSTRAINT chk_coupons_validity CHECK (valid_until > valid_from),
    CONSTRAINT chk_coupons_valid_days CHECK (valid_days_after_issue IS NULL OR valid_days_after_issue >= 1)
);

-- No foreign key to coupons on purpose: InnoDB checks a foreign key with a shared lock on the parent row, which
-- would queue every issue behind (and deadlock with) the conditional UPDATE of coupons.issued_quantity.
-- Coupons are never deleted (deactivated instead), so the reference cannot dangle.
CREATE TABLE user_coupons (
    user_coupon_id BIGINT      NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_id        BIGINT      NOT NULL,
    coupon_id      BIGINT      NOT NULL,
    order_id       BIGINT      NULL COMMENT 'the order holding (reserved) or having used this coupon',
    is_used        BOOLEAN     NOT NULL DEFAULT FALSE,
    issued_at      DATETIME(6) NOT NULL,
    expires_at     DATETIME(6) NOT NULL,
    used_at        DATETIME(6) NULL,
    reserved_at    DATETIME(6) NULL,
    -- at most one of each coupon per user
    UNIQUE KEY uk_user_coupons_user_coupon (user_id, coupon_id),
    KEY idx_user_coupons_user_id (user_id, is_used, expires_at),
    KEY idx_user_coupons_coupon_id (coupon_id),
    CONSTRAINT chk_user_coupons_used CHECK (is_used = FALSE OR (order_id IS NOT NULL AND used_at IS NOT NULL))
);

-- One row per (user coupon, order): RESERVED when an order holds the coupon, USED when the order completed,
-- CANCELLED when the order released it (also written, as a tombstone, by a release that arrived before its reserve).
CREATE TABLE coupon_usage_history (
    usage_id        BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_coupon_id  BIGINT       NOT NULL,
    order_id        BIGINT       NOT NULL,
    order_amount    BIGINT       NOT NULL,
    discount_amount BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL COMMENT 'RESERVED, USED, CANCELLED',
    reserved_at     DATETIME(6)  NULL,
    used_at         DATETIME(6)  NULL,
    cancelled_at    DATETIME(6)  NULL,
    cancel_reason   VARCHAR(100) NULL,
    -- at most one live (RESERVED or USED) row per user coupon
    live_user_coupon_id BIGINT GENERATED ALWAYS AS
        (CASE WHEN status IN ('RESERVED', 'USED') THEN user_coupon_id END) STORED,
    UNIQUE KEY uk_coupon_usage_history_coupon_order (user_coupon_id, order_id),
    UNIQUE KEY uk_coupon_usage_history_live (live_user_coupon_id),
    KEY idx_coupon_usage_history_order (order_id),
    CONSTRAINT fk_coupon_usage_history_user_coupon FOREIGN KEY (user_coupon_id)
        REFERENCES user_coupons (user_coupon_id),
    CONSTRAINT chk_coupon_usage_history_status CHECK (status IN ('RESERVED', 'USED', 'CANCELLED')),
    CONSTRAINT chk_coupon_usage_history_amounts CHECK (order_amount >= 0 AND discount_amount >= 0
        AND discount_amount <= order_amount)
);
