-- credit-service schema, part 1: the credits wallet. Table and column names follow the requirement seeds (000:
-- credits, credit_history with balance_before; 002: credit packages, transaction_type, extra_data), so that seed
-- 000's integrity queries run unchanged. Credits are integers (BIGINT); money is exact (DECIMAL) with its ISO 4217
-- currency; timestamps are UTC DATETIME(6). The ledger rules of ARCHITECTURE.md are constraints as well.

-- The packages users buy credits in (seed 002). Never deleted: deactivated, so purchases keep their reference.
CREATE TABLE credit_packages (
    package_id VARCHAR(50)   NOT NULL PRIMARY KEY COMMENT 'a readable id, e.g. basic_500',
    name       VARCHAR(100)  NOT NULL,
    credits    BIGINT        NOT NULL,
    price      DECIMAL(12,2) NOT NULL COMMENT 'exact, in currency',
    currency   VARCHAR(3)    NOT NULL COMMENT 'ISO 4217',
    is_active  BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    KEY idx_credit_packages_active (is_active, credits),
    CONSTRAINT chk_credit_packages_credits CHECK (credits > 0),
    CONSTRAINT chk_credit_packages_price CHECK (price > 0)
);

-- One wallet per user (seed 000). version counts the history rows applied to it; total_earned (purchase + bonus) and
-- total_spent (usage + donation) are kept with the balance, in the same update.
CREATE TABLE credits (
    id           BIGINT      NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_id      BIGINT      NOT NULL,
    balance      BIGINT      NOT NULL DEFAULT 0,
    total_earned BIGINT      NOT NULL DEFAULT 0,
    total_spent  BIGINT      NOT NULL DEFAULT 0,
    version      BIGINT      NOT NULL DEFAULT 0,
    created_at   DATETIME(6) NOT NULL,
    updated_at   DATETIME(6) NOT NULL,
    UNIQUE KEY uk_credits_user_id (user_id),
    CONSTRAINT chk_credits_balance CHECK (balance >= 0),
    CONSTRAINT chk_credits_totals CHECK (total_earned >= 0 AND total_spent >= 0)
);

-- The ledger: one row per balance change, never updated or deleted. idempotency_key makes every change happen once:
-- purchase:<purchase id>, usage:<user id>:<Idempotency-Key>, grant:<grant id>. `type` repeats transaction_type for
-- seed 000's second integrity query, which selects it by that name.
CREATE TABLE credit_history (
    id               BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_id          BIGINT       NOT NULL,
    transaction_type VARCHAR(16)  NOT NULL COMMENT 'purchase, usage, refund, bonus, donation',
    type             VARCHAR(16)  GENERATED ALWAYS AS (transaction_type) VIRTUAL,
    amount           BIGINT       NOT NULL COMMENT 'signed: + purchase, bonus; - usage, refund, donation',
    balance_before   BIGINT       NOT NULL,
    balance_after    BIGINT       NOT NULL,
    description      VARCHAR(500) NOT NULL,
    extra_data       JSON         NULL COMMENT 'package id, purchase id, payment id, feature, granted_by...',
    reference_id     VARCHAR(100) NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_credit_history_idempotency_key (idempotency_key),
    KEY idx_credit_history_user_created (user_id, created_at, id),
    KEY idx_credit_history_user_type_created (user_id, transaction_type, created_at, id),
    CONSTRAINT chk_credit_history_type CHECK (
        transaction_type IN ('purchase', 'usage', 'refund', 'bonus', 'donation')),
    CONSTRAINT chk_credit_history_arithmetic CHECK (balance_before + amount = balance_after),
    CONSTRAINT chk_credit_history_non_negative CHECK (balance_before >= 0 AND balance_after >= 0),
    CONSTRAINT chk_credit_history_sign CHECK (
        (transaction_type IN ('purchase', 'bonus') AND amount > 0)
        OR (transaction_type IN ('usage', 'refund', 'donation') AND amount < 0))
);

-- A purchase of a package (a top-up): PENDING until payment-service answers, then COMPLETED (credited once) or
-- FAILED (nothing credited). The package's terms are copied, so later price changes do not touch it. The unique key
-- on payment_key makes the same PG payment key buy at most one package.
CREATE TABLE credit_topups (
    id                    BIGINT        NOT NULL PRIMARY KEY COMMENT 'Snowflake id = the payment reference_id',
    user_id               BIGINT        NOT NULL,
    package_id            VARCHAR(50)   NOT NULL,
    package_name          VARCHAR(100)  NOT NULL,
    credits               BIGINT        NOT NULL,
    amount                DECIMAL(12,2) NOT NULL COMMENT 'the price paid, exact',
    currency              VARCHAR(3)    NOT NULL,
    amount_minor          BIGINT        NOT NULL COMMENT 'amount in the currency''s minor unit, as asked of payment-service',
    payment_method        VARCHAR(30)   NOT NULL,
    payment_key           VARCHAR(200)  NOT NULL COMMENT 'the PG payment key (payment_token)',
    status                VARCHAR(16)   NOT NULL COMMENT 'PENDING, COMPLETED, FAILED',
    payment_id            BIGINT        NULL COMMENT 'payment-service''s payment, once approved',
    transaction_id        BIGINT        NULL COMMENT 'the purchase row in credit_history',
    balance_after         BIGINT        NULL,
    failure_code          VARCHAR(64)   NULL,
    failure_reason        VARCHAR(500)  NULL,
    refund_status         VARCHAR(16)   NULL COMMENT 'an approved payment not credited: REQUESTED, REFUNDED, REFUND_FAILED',
    refund_failure_code   VARCHAR(64)   NULL,
    refund_failure_reason VARCHAR(500)  NULL,
    created_at            DATETIME(6)   NOT NULL,
    completed_at          DATETIME(6)   NULL,
    failed_at             DATETIME(6)   NULL,
    updated_at            DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_credit_topups_payment_key (payment_key),
    KEY idx_credit_topups_user_created (user_id, created_at),
    CONSTRAINT chk_credit_topups_status CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED')),
    CONSTRAINT chk_credit_topups_amounts CHECK (credits > 0 AND amount > 0 AND amount_minor > 0),
    CONSTRAINT chk_credit_topups_completed CHECK (status <> 'COMPLETED'
        OR (payment_id IS NOT NULL AND transaction_id IS NOT NULL AND completed_at IS NOT NULL))
);

-- Bonus credits granted by an admin: who, to whom, how many, why (the audit of the bonus history row).
CREATE TABLE credit_grants (
    id             BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_id        BIGINT       NOT NULL,
    amount         BIGINT       NOT NULL,
    reason         VARCHAR(300) NOT NULL,
    granted_by     BIGINT       NOT NULL COMMENT 'the admin''s user id',
    transaction_id BIGINT       NOT NULL COMMENT 'the bonus row in credit_history',
    created_at     DATETIME(6)  NOT NULL,
    KEY idx_credit_grants_user (user_id, created_at),
    KEY idx_credit_grants_granted_by (granted_by, created_at),
    CONSTRAINT chk_credit_grants_amount CHECK (amount > 0)
);

INSERT INTO credit_packages (package_id, name, credits, price, currency, is_active, created_at, updated_at) VALUES
    ('starter_100',  'Starter Pack',  100,  4.99,   'USD', TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    ('basic_500',    'Basic Pack',    500,  19.99,  'USD', TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    ('pro_2000',     'Pro Pack',      2000, 69.99,  'USD', TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    ('premium_5000', 'Premium Pack',  5000, 149.99, 'USD', TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));
