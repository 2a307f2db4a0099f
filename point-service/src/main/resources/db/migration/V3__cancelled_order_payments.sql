-- Issue 12: a CHARGE of an order must not credit points bought with a payment that was cancelled. An order saga that
-- compensates while its CHARGE is still on its way cancels the charge's payment; payment-service's answer
-- (payment.cancelled.v1, purpose ORDER_CHARGE, nothing left approved) is recorded here, under the wallet's row lock
-- like every ledger change, so that a CHARGE naming that payment either committed before it (flagged for ops) or is
-- refused (point.charge-rejected.v1, nothing credited). Written once, never changed.
CREATE TABLE point_cancelled_payments (
    payment_id   BIGINT       NOT NULL PRIMARY KEY COMMENT 'payment-service''s payment id',
    order_id     BIGINT       NOT NULL COMMENT 'the order it paid for (the CHARGE''s reference)',
    user_id      BIGINT       NOT NULL,
    cancelled_at DATETIME(6)  NULL COMMENT 'as payment-service reported it',
    recorded_at  DATETIME(6)  NOT NULL,
    KEY idx_point_cancelled_payments_order (order_id)
);
