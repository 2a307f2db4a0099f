-- Issue 10: a compensation that overtakes its step, and refunds of payments that were not credited.

-- An order whose points were refunded (order compensation) before any USE of it arrived: a tombstone, so that a late
-- USE of the order (redelivered, or overtaken by the compensation) is refused and debits nothing. Written under the
-- wallet's row lock, like every ledger change, so a USE either committed before it (and is refunded) or sees it.
CREATE TABLE point_order_closures (
    order_id  BIGINT       NOT NULL PRIMARY KEY COMMENT 'the order (saga) that is closed for USE',
    user_id   BIGINT       NOT NULL COMMENT 'the wallet named by the REFUND command',
    reason    VARCHAR(200) NULL COMMENT 'the REFUND command''s reason',
    closed_at DATETIME(6)  NOT NULL
);

-- A charge request whose payment was approved but not credited (failed request, mismatching approval) asks
-- payment-service to cancel the payment at the PG. The outcome is recorded here so that a refund that failed is
-- visible (to the user, to ops) rather than lost: REQUESTED -> REFUNDED / REFUND_FAILED.
ALTER TABLE point_charge_requests
    ADD COLUMN refund_status         VARCHAR(16)  NULL COMMENT 'REQUESTED, REFUNDED, REFUND_FAILED (NULL: no refund)',
    ADD COLUMN refunded_amount       BIGINT       NULL COMMENT 'KRW the PG gave back',
    ADD COLUMN refund_failure_code   VARCHAR(64)  NULL,
    ADD COLUMN refund_failure_reason VARCHAR(500) NULL,
    ADD COLUMN refund_requested_at   DATETIME(6)  NULL,
    ADD COLUMN refund_settled_at     DATETIME(6)  NULL COMMENT 'when REFUNDED or REFUND_FAILED was recorded',
    ADD KEY idx_charge_requests_refund_status (refund_status),
    ADD CONSTRAINT chk_point_charge_requests_refund_status CHECK (
        refund_status IS NULL OR refund_status IN ('REQUESTED', 'REFUNDED', 'REFUND_FAILED'));
