-- payment-service schema. Table and column names follow the requirement seed 004 (payments: payment_id,
-- charge_request_id, pg_payment_id, payment_status, amount, paid_at); money is KRW as BIGINT, timestamps UTC
-- DATETIME(6). payment-service is the only client of the PG; it serves point charges, order charges and credit
-- top-ups, so a payment also names its purpose and the requester's reference.

CREATE TABLE payments (
    payment_id        BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    pg_payment_id     VARCHAR(200) NOT NULL COMMENT 'the PG payment key; one payment per key',
    pg_order_id       VARCHAR(64)  NOT NULL COMMENT 'orderId sent to the PG: <purpose>-<reference_id>',
    purpose           VARCHAR(20)  NOT NULL COMMENT 'POINT_CHARGE, ORDER_CHARGE, CREDIT_TOPUP',
    reference_id      BIGINT       NOT NULL COMMENT 'the requester''s id: charge request, order or top-up',
    charge_request_id BIGINT       NULL COMMENT 'seed 004: = reference_id when purpose = POINT_CHARGE',
    user_id           BIGINT       NOT NULL,
    amount            BIGINT       NOT NULL COMMENT 'requested amount (KRW)',
    approved_amount   BIGINT       NULL COMMENT 'totalAmount the PG approved',
    cancelled_amount  BIGINT       NOT NULL DEFAULT 0 COMMENT 'sum of completed cancellations',
    payment_status    VARCHAR(24)  NOT NULL COMMENT 'PENDING, SUCCESS, FAILED, PARTIALLY_CANCELLED, CANCELLED',
    failure_code      VARCHAR(64)  NULL,
    failure_message   VARCHAR(500) NULL,
    paid_at           DATETIME(6)  NULL COMMENT 'approved at (PG approvedAt)',
    failed_at         DATETIME(6)  NULL,
    confirm_attempts  INT          NOT NULL DEFAULT 0 COMMENT 'confirm rounds sent to the PG (each with its retries)',
    last_error        VARCHAR(500) NULL COMMENT 'why the outcome is still unknown',
    last_checked_at   DATETIME(6)  NULL COMMENT 'last PG confirm or status query',
    correlation_id    VARCHAR(100) NULL COMMENT 'saga / flow id of the confirm command, carried by the replies',
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_payments_pg_payment_id (pg_payment_id),
    KEY idx_payments_user_created (user_id, created_at),
    KEY idx_payments_status_checked (payment_status, last_checked_at),
    KEY idx_payments_reference (purpose, reference_id),
    CONSTRAINT chk_payments_amount CHECK (amount > 0),
    CONSTRAINT chk_payments_cancelled CHECK (cancelled_amount >= 0
        AND cancelled_amount <= COALESCE(approved_amount, amount)),
    CONSTRAINT chk_payments_status CHECK (payment_status IN
        ('PENDING', 'SUCCESS', 'FAILED', 'PARTIALLY_CANCELLED', 'CANCELLED'))
);

-- Full and partial cancellations of a payment. A row is REQUESTED before the PG is called (with the row id as
-- Idempotency-Key), so a crash or an unknown outcome is retried by the reconciliation job without cancelling twice.
CREATE TABLE payment_cancellations (
    cancellation_id   BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    payment_id        BIGINT       NOT NULL,
    cancel_request_id VARCHAR(200) NULL COMMENT 'the requester''s idempotency key; NULL for automatic cancels',
    cancel_amount     BIGINT       NOT NULL,
    full_cancel       BOOLEAN      NOT NULL COMMENT 'sent without cancelAmount (everything left)',
    cancel_reason     VARCHAR(200) NOT NULL,
    status            VARCHAR(16)  NOT NULL COMMENT 'REQUESTED, DONE, FAILED',
    failure_code      VARCHAR(64)  NULL,
    failure_message   VARCHAR(500) NULL,
    attempts          INT          NOT NULL DEFAULT 0,
    last_error        VARCHAR(500) NULL,
    reply             BOOLEAN      NOT NULL COMMENT 'answer on payment.replies (commanded cancels)',
    correlation_id    VARCHAR(100) NULL,
    cancelled_at      DATETIME(6)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    UNIQUE KEY uk_payment_cancellations_request (payment_id, cancel_request_id),
    KEY idx_payment_cancellations_status (status, updated_at),
    CONSTRAINT fk_payment_cancellations_payment FOREIGN KEY (payment_id) REFERENCES payments (payment_id),
    CONSTRAINT chk_payment_cancellations_amount CHECK (cancel_amount > 0),
    CONSTRAINT chk_payment_cancellations_status CHECK (status IN ('REQUESTED', 'DONE', 'FAILED'))
);
