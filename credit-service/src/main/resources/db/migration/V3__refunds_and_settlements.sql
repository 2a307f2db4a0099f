-- credit-service schema, part 2 (issue 14, seed 001 stage 4): refunds of a lot's unspent credits and creators'
-- settlements.

-- A refund of the unspent part of one purchased lot (seed 001's RefundLog): the credits leave the wallet (history
-- type refund, in the same transaction as this row) and payment-service is asked for a partial PG cancel of
-- `amount` (the lot's price per credit x credits, rounded down to the currency's minor unit). One refund per lot.
CREATE TABLE refund_logs (
    id                BIGINT        NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_id           BIGINT        NOT NULL,
    lot_id            BIGINT        NOT NULL COMMENT 'credit_topups.id',
    purchase_id       BIGINT        NOT NULL COMMENT 'credit_purchases.id',
    payment_key       VARCHAR(200)  NOT NULL,
    credits           BIGINT        NOT NULL,
    amount            DECIMAL(12,2) NOT NULL COMMENT 'money refunded, exact',
    currency          VARCHAR(3)    NOT NULL,
    amount_minor      BIGINT        NOT NULL COMMENT 'amount in the minor unit, as asked of payment-service',
    history_id        BIGINT        NOT NULL COMMENT 'the refund credit_history row',
    cancel_request_id VARCHAR(100)  NOT NULL COMMENT 'the PG cancel''s idempotency key: credit-refund-<id>',
    reason            VARCHAR(200)  NOT NULL,
    status            VARCHAR(16)   NOT NULL COMMENT 'REQUESTED, COMPLETED, FAILED',
    payment_id        BIGINT        NULL,
    failure_code      VARCHAR(64)   NULL,
    failure_reason    VARCHAR(500)  NULL,
    created_at        DATETIME(6)   NOT NULL,
    completed_at      DATETIME(6)   NULL,
    updated_at        DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_refund_logs_lot (lot_id),
    UNIQUE KEY uk_refund_logs_cancel_request (cancel_request_id),
    KEY idx_refund_logs_user (user_id, created_at),
    CONSTRAINT chk_refund_logs_amounts CHECK (credits > 0 AND amount >= 0 AND amount_minor >= 0),
    CONSTRAINT chk_refund_logs_status CHECK (status IN ('REQUESTED', 'COMPLETED', 'FAILED'))
);

-- What a creator is owed for the donations received in one UTC month (seed 001's Settlement). Computed once per
-- (creator, period) and never recomputed; OWED until an admin marks it PAID.
CREATE TABLE settlements (
    id             BIGINT        NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    creator_id     BIGINT        NOT NULL,
    period         CHAR(7)       NOT NULL COMMENT 'YYYY-MM, UTC',
    donations      BIGINT        NOT NULL COMMENT 'donations counted',
    gross_credits  BIGINT        NOT NULL,
    fee_rate       DECIMAL(5,4)  NOT NULL COMMENT 'platform fee, e.g. 0.2000',
    fee_credits    BIGINT        NOT NULL COMMENT 'gross x fee rate, rounded up to whole credits',
    net_credits    BIGINT        NOT NULL,
    rate_per_credit DECIMAL(12,4) NOT NULL COMMENT 'money per credit paid out',
    net_amount     DECIMAL(14,2) NOT NULL COMMENT 'net credits x rate, rounded down to the minor unit',
    currency       VARCHAR(3)    NOT NULL,
    status         VARCHAR(8)    NOT NULL COMMENT 'OWED, PAID',
    paid_by        BIGINT        NULL,
    created_at     DATETIME(6)   NOT NULL,
    paid_at        DATETIME(6)   NULL,
    updated_at     DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_settlements_creator_period (creator_id, period),
    KEY idx_settlements_period (period),
    CONSTRAINT chk_settlements_sums CHECK (gross_credits > 0 AND fee_credits >= 0 AND net_credits >= 0
        AND gross_credits = fee_credits + net_credits AND net_amount >= 0),
    CONSTRAINT chk_settlements_status CHECK (status IN ('OWED', 'PAID'))
);
