-- credit-service schema, part 2 (issue 14, seed 001): top-up lots spent first in, first out, donations to creators.
-- Seed 001's CoinTopup is `credit_topups` (one lot per purchase or bonus) and its CoinUsage `credit_usages`; part 1's
-- purchase rows (seed 001's PaymentTransaction on our side) move to `credit_purchases`.

RENAME TABLE credit_topups TO credit_purchases;

-- One lot per purchase or bonus grant. The wallet's balance always equals the sum of its lots' `remaining`: every
-- credit creates a lot, every debit lowers the oldest lots' `remaining` (FIFO by purchased_at, id) or, for a refund,
-- its own lot's. Only the ledger writer changes it, under the wallet's row lock (ADR 14).
CREATE TABLE credit_topups (
    id               BIGINT        NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    user_id          BIGINT        NOT NULL,
    source           VARCHAR(16)   NOT NULL COMMENT 'purchase, bonus, opening (a part-1 balance carried over)',
    source_id        VARCHAR(100)  NOT NULL COMMENT 'purchase id, grant id, or the wallet id',
    credits          BIGINT        NOT NULL,
    remaining        BIGINT        NOT NULL,
    price            DECIMAL(12,2) NULL COMMENT 'the price paid for the lot, exact (purchases only)',
    currency         VARCHAR(3)    NULL COMMENT 'ISO 4217 of price',
    history_id       BIGINT        NOT NULL COMMENT 'the credit_history row that added it',
    status           VARCHAR(16)   NOT NULL COMMENT 'ACTIVE, SPENT, REFUNDED',
    purchased_at     DATETIME(6)   NOT NULL,
    refundable_until DATETIME(6)   NULL COMMENT 'null: never refundable (bonus)',
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_credit_topups_history (history_id),
    KEY idx_credit_topups_fifo (user_id, remaining, purchased_at, id),
    KEY idx_credit_topups_user_created (user_id, purchased_at, id),
    CONSTRAINT chk_credit_topups_source CHECK (source IN ('purchase', 'bonus', 'opening')),
    CONSTRAINT chk_credit_topups_remaining CHECK (credits > 0 AND remaining >= 0 AND remaining <= credits),
    CONSTRAINT chk_credit_topups_status CHECK (status IN ('ACTIVE', 'SPENT', 'REFUNDED')),
    CONSTRAINT chk_credit_topups_price CHECK ((price IS NULL AND currency IS NULL) OR (price > 0 AND currency IS NOT NULL))
);

-- What each debit consumed: one row per (debit history row, lot). Sum per lot = credits - remaining.
CREATE TABLE credit_usages (
    user_id    BIGINT      NOT NULL,
    lot_id     BIGINT      NOT NULL COMMENT 'credit_topups.id',
    history_id BIGINT      NOT NULL COMMENT 'the debit credit_history row',
    usage_type VARCHAR(16) NOT NULL COMMENT 'usage, donation, refund',
    credits    BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (history_id, lot_id),
    KEY idx_credit_usages_lot (lot_id),
    CONSTRAINT chk_credit_usages_credits CHECK (credits > 0)
);

-- Donations to creators. COMPLETED once its donation history row is written (in the same transaction); a donation
-- with a top-up may be PENDING while the payment settles, or FAILED (the purchased credits then stay in the wallet).
CREATE TABLE donations (
    id              BIGINT       NOT NULL PRIMARY KEY COMMENT 'Snowflake id',
    donor_id        BIGINT       NOT NULL,
    creator_id      BIGINT       NOT NULL,
    credits         BIGINT       NOT NULL,
    message         VARCHAR(200) NULL,
    status          VARCHAR(16)  NOT NULL COMMENT 'PENDING, COMPLETED, FAILED',
    idempotency_key VARCHAR(200) NOT NULL COMMENT 'donation:<donor>:<Idempotency-Key>',
    history_id      BIGINT       NULL COMMENT 'the donation credit_history row once COMPLETED',
    saga_id         BIGINT       NULL,
    failure_code    VARCHAR(64)  NULL,
    failure_reason  VARCHAR(500) NULL,
    created_at      DATETIME(6)  NOT NULL,
    completed_at    DATETIME(6)  NULL,
    updated_at      DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_donations_idempotency_key (idempotency_key),
    KEY idx_donations_donor (donor_id, created_at, id),
    KEY idx_donations_creator (creator_id, created_at, id),
    KEY idx_donations_period (status, completed_at, creator_id),
    CONSTRAINT chk_donations_credits CHECK (credits > 0),
    CONSTRAINT chk_donations_parties CHECK (donor_id > 0 AND creator_id > 0 AND donor_id <> creator_id),
    CONSTRAINT chk_donations_status CHECK (status IN ('PENDING', 'COMPLETED', 'FAILED')),
    CONSTRAINT chk_donations_completed CHECK (status <> 'COMPLETED' OR (history_id IS NOT NULL
        AND completed_at IS NOT NULL))
);

-- Part 1's balances become one opening lot each (not refundable), so that balance = sum of remaining holds from now.
INSERT INTO credit_topups (id, user_id, source, source_id, credits, remaining, price, currency, history_id, status,
                           purchased_at, refundable_until, created_at, updated_at)
SELECT c.id, c.user_id, 'opening', CAST(c.id AS CHAR), c.balance, c.balance, NULL, NULL,
       (SELECT MAX(h.id) FROM credit_history h WHERE h.user_id = c.user_id), 'ACTIVE',
       UTC_TIMESTAMP(6), NULL, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM credits c WHERE c.balance > 0;

-- History is kept unchanged for 5 years (seed 001): no UPDATE, no DELETE of credit_history, whoever asks.
CREATE TRIGGER trg_credit_history_no_update BEFORE UPDATE ON credit_history FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'credit_history is append-only: rows are never updated';

CREATE TRIGGER trg_credit_history_no_delete BEFORE DELETE ON credit_history FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'credit_history is append-only: rows are never deleted';
