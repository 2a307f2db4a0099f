-- point-service schema. Table and column names follow the requirement seed 004 (point_balances,
-- point_charge_requests, point_transactions); points are KRW-valued integers (BIGINT), timestamps UTC DATETIME(6).
-- The ledger rules of ARCHITECTURE.md are also constraints here: a balance is never negative, every history row
-- satisfies balance_before + amount = balance_after, and its sign matches its type.

-- One row per user (the wallet). version counts the ledger rows applied to it.
CREATE TABLE point_balances (
    user_id    BIGINT      NOT NULL PRIMARY KEY COMMENT 'Snowflake user id of the identity provider',
    balance    BIGINT      NOT NULL DEFAULT 0,
    version    BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    CONSTRAINT chk_point_balances_balance CHECK (balance >= 0)
);

-- A user's request to buy points through the PG (seed 004 charge flow): PENDING -> COMPLETED / FAILED.
CREATE TABLE point_charge_requests (
    charge_request_id    BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_id              BIGINT       NOT NULL,
    amount               BIGINT       NOT NULL COMMENT 'points to credit = KRW to pay',
    status               VARCHAR(16)  NOT NULL COMMENT 'PENDING, COMPLETED, FAILED',
    payment_key          VARCHAR(200) NULL COMMENT 'the PG payment key given at confirm (once)',
    payment_id           BIGINT       NULL COMMENT 'payment-service''s payment, once approved',
    transaction_id       BIGINT       NULL COMMENT 'the CHARGE row in point_transactions',
    failure_code         VARCHAR(64)  NULL,
    failure_reason       VARCHAR(500) NULL,
    confirm_requested_at DATETIME(6)  NULL,
    created_at           DATETIME(6)  NOT NULL,
    completed_at         DATETIME(6)  NULL,
    failed_at            DATETIME(6)  NULL,
    updated_at           DATETIME(6)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_point_charge_requests_payment_key (payment_key),
    KEY idx_charge_requests_user_status (user_id, status, created_at),
    CONSTRAINT chk_point_charge_requests_amount CHECK (amount > 0),
    CONSTRAINT chk_point_charge_requests_status CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED'))
);

-- The ledger: one row per balance change, never updated or deleted (5-year retention). idempotency_key makes every
-- change happen once: CHARGE_REQUEST:<id>:CHARGE, ORDER:<id>:CHARGE, ORDER:<id>:USE, ORDER:<id>:REFUND.
CREATE TABLE point_transactions (
    transaction_id   BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_id          BIGINT       NOT NULL,
    transaction_type VARCHAR(16)  NOT NULL COMMENT 'CHARGE, USE, REFUND',
    amount           BIGINT       NOT NULL COMMENT 'signed: + CHARGE / REFUND, - USE',
    balance_before   BIGINT       NOT NULL,
    balance_after    BIGINT       NOT NULL,
    reference_type   VARCHAR(20)  NOT NULL COMMENT 'CHARGE_REQUEST or ORDER',
    reference_id     BIGINT       NOT NULL COMMENT 'charge request id or order id (seed 004)',
    idempotency_key  VARCHAR(100) NOT NULL,
    created_at       DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_point_transactions_idempotency_key (idempotency_key),
    KEY idx_point_transactions_user_created (user_id, created_at),
    KEY idx_point_transactions_user_type_created (user_id, transaction_type, created_at),
    CONSTRAINT chk_point_transactions_arithmetic CHECK (balance_before + amount = balance_after),
    CONSTRAINT chk_point_transactions_non_negative CHECK (balance_before >= 0 AND balance_after >= 0),
    CONSTRAINT chk_point_transactions_sign CHECK (
        (transaction_type = 'USE' AND amount < 0) OR (transaction_type IN ('CHARGE', 'REFUND') AND amount > 0))
);
