-- A payment says in which currency its amounts are (issue 13): credit-service sells packages priced in USD and sends
-- their price in cents. Until now every amount was taken as KRW; the rows recorded so far keep KRW (the default),
-- which is what their commands meant. Amounts stay exact BIGINTs in the currency's minor unit (KRW has none).
-- ascii_bin: the check is case-sensitive ('usd' is refused; REGEXP follows the column's collation).

ALTER TABLE payments
    ADD COLUMN currency CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'KRW'
        COMMENT 'ISO 4217 of amount, approved_amount and cancelled_amount; minor units' AFTER amount,
    MODIFY COLUMN amount BIGINT NOT NULL COMMENT 'requested amount, in the minor unit of currency',
    MODIFY COLUMN approved_amount BIGINT NULL COMMENT 'totalAmount the PG approved, in the minor unit of currency',
    MODIFY COLUMN cancelled_amount BIGINT NOT NULL DEFAULT 0
        COMMENT 'sum of completed cancellations, in the minor unit of currency',
    ADD CONSTRAINT chk_payments_currency CHECK (currency REGEXP '^[A-Z]{3}$');

ALTER TABLE payment_cancellations
    MODIFY COLUMN cancel_amount BIGINT NOT NULL COMMENT 'in the minor unit of the payment''s currency';
