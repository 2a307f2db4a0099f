-- order-service, part 2: orders and their snapshot items (seed 004), placed and cancelled by the order sagas
-- (infra/saga keeps the sagas themselves in saga_instance / saga_step_log, ADR 11).
-- Money is KRW without minor units: DECIMAL(15,0) in the database, long in Java and JSON. Timestamps are UTC.

CREATE TABLE orders (
    order_id         BIGINT        NOT NULL,
    user_id          BIGINT        NOT NULL,
    user_coupon_id   BIGINT        NULL COMMENT 'the coupon asked for (coupon-service''s id; no foreign key)',
    order_status     VARCHAR(16)   NOT NULL COMMENT 'PENDING, COMPLETED, CANCELLED',
    total_amount     DECIMAL(15,0) NOT NULL COMMENT 'sum of the items'' subtotals',
    discount_amount  DECIMAL(15,0) NOT NULL DEFAULT 0 COMMENT 'the coupon''s discount',
    final_amount     DECIMAL(15,0) NOT NULL COMMENT 'total - discount, paid with points',
    charge_amount    DECIMAL(15,0) NULL COMMENT 'points bought with a payment before paying; NULL without',
    points_charged   BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'the bought points were credited (they stay)',
    payment_id       BIGINT        NULL COMMENT 'the approved payment of the charge (payment-service''s id)',
    from_cart        BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'ordered from the cart: completed lines leave it',
    failure_code     VARCHAR(40)   NULL COMMENT 'why CANCELLED, or why a cancellation failed',
    failure_reason   VARCHAR(255)  NULL,
    cancel_status    VARCHAR(16)   NULL COMMENT 'cancellation of a COMPLETED order: IN_PROGRESS, FAILED, DONE',
    checkout_saga_id BIGINT        NULL COMMENT 'saga_instance.id of its order.checkout saga',
    cancel_saga_id   BIGINT        NULL COMMENT 'saga_instance.id of its latest order.cancel saga',
    idempotency_key  VARCHAR(255)  NULL COMMENT 'the Idempotency-Key of the request that placed it',
    created_at       DATETIME(6)   NOT NULL,
    updated_at       DATETIME(6)   NOT NULL,
    completed_at     DATETIME(6)   NULL,
    cancelled_at     DATETIME(6)   NULL,
    PRIMARY KEY (order_id),
    -- the same key never places two orders, even when the HTTP replay cache has forgotten it
    CONSTRAINT uk_orders_user_idempotency_key UNIQUE (user_id, idempotency_key),
    CONSTRAINT ck_orders_status CHECK (order_status IN ('PENDING', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT ck_orders_cancel_status CHECK (cancel_status IS NULL
        OR cancel_status IN ('IN_PROGRESS', 'FAILED', 'DONE')),
    CONSTRAINT ck_orders_amounts CHECK (total_amount >= 0 AND discount_amount >= 0
        AND discount_amount <= total_amount AND final_amount = total_amount - discount_amount),
    CONSTRAINT ck_orders_charge CHECK (charge_amount IS NULL OR charge_amount > 0)
) ENGINE = InnoDB;

-- Seed 004 index 4: a user's orders, newest first.
CREATE INDEX idx_orders_user_id_created ON orders (user_id, created_at DESC, order_id DESC);

-- Seed 004 order_items: a snapshot of each option when ordered. product_option_id is a reference only, not a
-- foreign key (seed 004): the catalog may change or retire the option, the order keeps what was bought. (A foreign
-- key would also take a shared lock on the option row that the stock reservation then locks exclusively.)
CREATE TABLE order_items (
    order_item_id     BIGINT        NOT NULL,
    order_id          BIGINT        NOT NULL,
    product_option_id BIGINT        NOT NULL COMMENT 'reference only, not a foreign key',
    product_name      VARCHAR(200)  NOT NULL COMMENT 'snapshot',
    option_name       VARCHAR(100)  NOT NULL COMMENT 'snapshot',
    sku               VARCHAR(64)   NOT NULL COMMENT 'snapshot',
    price             DECIMAL(15,0) NOT NULL COMMENT 'snapshot: unit price when ordered',
    quantity          INT           NOT NULL,
    subtotal          DECIMAL(15,0) NOT NULL COMMENT 'price * quantity',
    created_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (order_item_id),
    -- one line per option; its prefix also serves seed 004 index 5 (idx_order_items_order_id)
    CONSTRAINT uk_order_items_order_option UNIQUE (order_id, product_option_id),
    CONSTRAINT fk_order_items_order FOREIGN KEY (order_id) REFERENCES orders (order_id),
    CONSTRAINT ck_order_items_amounts CHECK (price >= 0 AND quantity > 0 AND subtotal = price * quantity)
) ENGINE = InnoDB;
