-- Issue 10: the reconciliation job works from a per-row schedule instead of "the oldest 100 PENDING rows".
-- next_check_at: when the job looks at the row next (NULL = nothing to check); rows are taken due-first, so a row the
-- PG keeps failing on backs off (capped exponential) and never starves newer ones. After max attempts a row is
-- flagged for ops (attention_at, a metric and an error log) and keeps being checked at the longest interval.

ALTER TABLE payments
    ADD COLUMN check_attempts INT         NOT NULL DEFAULT 0
        COMMENT 'looks at the PG (confirm rounds, status queries) that left the outcome unknown',
    ADD COLUMN next_check_at  DATETIME(6) NULL
        COMMENT 'due for the reconciliation job: PENDING, or FAILED for an unclear reason (re-checked)',
    ADD COLUMN attention_at   DATETIME(6) NULL COMMENT 'flagged for ops: still unresolved after the attempt cap',
    ADD KEY idx_payments_next_check (next_check_at);

ALTER TABLE payment_cancellations
    ADD COLUMN next_check_at DATETIME(6) NULL COMMENT 'due for the reconciliation job (REQUESTED only)',
    ADD COLUMN attention_at  DATETIME(6) NULL COMMENT 'flagged for ops: still unresolved after the attempt cap',
    ADD KEY idx_payment_cancellations_next_check (next_check_at);

-- rows left by the previous job keep their turn
UPDATE payments SET next_check_at = COALESCE(last_checked_at, created_at) WHERE payment_status = 'PENDING';
UPDATE payment_cancellations SET next_check_at = updated_at WHERE status = 'REQUESTED';

-- payments failed earlier on an answer that was not a definite decline (the PG's "already processing" family, or a
-- 4xx without a readable code) are re-checked: if the PG holds the money after all, it is given back
UPDATE payments SET next_check_at = COALESCE(failed_at, updated_at)
WHERE payment_status = 'FAILED' AND approved_amount IS NULL
  AND (failure_code LIKE 'PG\_HTTP\_4%' OR failure_code IN ('IDEMPOTENT_REQUEST_PROCESSING',
       'ALREADY_PROCESSED_PAYMENT', 'DUPLICATED_ORDER_ID', 'PROVIDER_ERROR', 'CARD_PROCESSING_ERROR',
       'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING', 'FAILED_INTERNAL_SYSTEM_PROCESSING', 'UNKNOWN_PAYMENT_ERROR'));
