-- order-service, part 1: catalog (products, product_options), views per day, likes, cart, stock ledger.
-- Table and column names follow seed 004 (products, product_options, cart_items) and seed 002 (likes).
-- Money is KRW without minor units: DECIMAL(15,0) in the database, long in Java and JSON.
-- Timestamps are UTC (DATETIME(6)); every primary key is a Snowflake id except the per-day view counter.

CREATE TABLE products (
    product_id   BIGINT        NOT NULL,
    product_name VARCHAR(200)  NOT NULL,
    description  TEXT          NULL,
    base_price   DECIMAL(15,0) NOT NULL,
    view_count   BIGINT        NOT NULL DEFAULT 0 COMMENT 'all-time detail views',
    like_count   BIGINT        NOT NULL DEFAULT 0,
    is_active    BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_id),
    CONSTRAINT ck_products_base_price CHECK (base_price >= 0),
    CONSTRAINT ck_products_counters CHECK (view_count >= 0 AND like_count >= 0)
) ENGINE = InnoDB;

-- Seed 004 index 1. MySQL has no partial indexes, so is_active leads instead of "WHERE is_active = true".
-- Serves the all-time ordering (GET /v1/products?sort=view_count); the 3-day popularity reads product_view_daily.
CREATE INDEX idx_products_view_count_created ON products (is_active, view_count DESC, created_at DESC);
-- The default listing (newest first, active only).
CREATE INDEX idx_products_active_created ON products (is_active, created_at DESC, product_id DESC);

CREATE TABLE product_options (
    product_option_id BIGINT        NOT NULL,
    product_id        BIGINT        NOT NULL,
    option_name       VARCHAR(100)  NOT NULL,
    sku               VARCHAR(64)   NOT NULL,
    additional_price  DECIMAL(15,0) NOT NULL DEFAULT 0,
    stock_quantity    INT           NOT NULL DEFAULT 0,
    is_active         BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (product_option_id),
    CONSTRAINT uk_product_options_sku UNIQUE (sku),
    CONSTRAINT fk_product_options_product FOREIGN KEY (product_id) REFERENCES products (product_id),
    CONSTRAINT ck_product_options_additional_price CHECK (additional_price >= 0),
    -- the last line of defence: stock never goes below zero, whatever the SQL above it does
    CONSTRAINT ck_product_options_stock CHECK (stock_quantity >= 0)
) ENGINE = InnoDB;

-- Seed 004 index 2 (is_active as a column instead of a partial-index predicate).
CREATE INDEX idx_product_options_product_id ON product_options (product_id, is_active);

-- Detail views per product and UTC day: "popular in the last 3 days" sums a real window, not the all-time count.
-- One row per (product, day), upserted atomically (INSERT ... ON DUPLICATE KEY UPDATE view_count = view_count + 1).
CREATE TABLE product_view_daily (
    product_id BIGINT NOT NULL,
    view_date  DATE   NOT NULL,
    view_count BIGINT NOT NULL,
    PRIMARY KEY (product_id, view_date),
    CONSTRAINT ck_product_view_daily_count CHECK (view_count >= 0)
) ENGINE = InnoDB;

-- The window query scans a date range and sums per product from the index alone (covering).
CREATE INDEX idx_product_view_daily_date ON product_view_daily (view_date, product_id, view_count);

-- Seed 002's likes, on products. At most one like per (user, product); the unique key also answers check-batch.
CREATE TABLE product_likes (
    product_like_id BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    product_id      BIGINT      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (product_like_id),
    CONSTRAINT uk_product_likes_user_product UNIQUE (user_id, product_id),
    CONSTRAINT fk_product_likes_product FOREIGN KEY (product_id) REFERENCES products (product_id)
) ENGINE = InnoDB;

-- Seed 004 cart_items. One line per (user, option): adding the same option again merges into the line.
-- The unique key's prefix (user_id) also serves seed 004 index 3 (idx_cart_items_user_id), so that one is not
-- created separately.
CREATE TABLE cart_items (
    cart_item_id      BIGINT        NOT NULL,
    user_id           BIGINT        NOT NULL,
    product_option_id BIGINT        NOT NULL,
    quantity          INT           NOT NULL,
    saved_price       DECIMAL(15,0) NOT NULL COMMENT 'unit price when the line was last added',
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    PRIMARY KEY (cart_item_id),
    CONSTRAINT uk_cart_items_user_option UNIQUE (user_id, product_option_id),
    CONSTRAINT fk_cart_items_product_option FOREIGN KEY (product_option_id)
        REFERENCES product_options (product_option_id),
    CONSTRAINT ck_cart_items_quantity CHECK (quantity > 0),
    CONSTRAINT ck_cart_items_saved_price CHECK (saved_price >= 0)
) ENGINE = InnoDB;

-- Stock taken for an order (the order saga's reserve/release). One row per order decides once and for all:
-- RESERVED (stock taken), REJECTED (refused, nothing taken) or RELEASED (given back, or released before any
-- reserve arrived, so that a late reserve is refused).
CREATE TABLE stock_reservations (
    stock_reservation_id BIGINT       NOT NULL,
    order_id             BIGINT       NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    reason_code          VARCHAR(40)  NULL,
    reason_detail        VARCHAR(255) NULL,
    created_at           DATETIME(6)  NOT NULL,
    updated_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (stock_reservation_id),
    CONSTRAINT uk_stock_reservations_order UNIQUE (order_id),
    CONSTRAINT ck_stock_reservations_status CHECK (status IN ('RESERVED', 'REJECTED', 'RELEASED'))
) ENGINE = InnoDB;

-- The lines of a RESERVED reservation: exactly what was taken, so that a release gives back exactly that.
CREATE TABLE stock_reservation_items (
    stock_reservation_item_id BIGINT      NOT NULL,
    stock_reservation_id      BIGINT      NOT NULL,
    order_id                  BIGINT      NOT NULL,
    product_option_id         BIGINT      NOT NULL,
    quantity                  INT         NOT NULL,
    created_at                DATETIME(6) NOT NULL,
    PRIMARY KEY (stock_reservation_item_id),
    CONSTRAINT uk_stock_reservation_items_order_option UNIQUE (order_id, product_option_id),
    CONSTRAINT fk_stock_reservation_items_reservation FOREIGN KEY (stock_reservation_id)
        REFERENCES stock_reservations (stock_reservation_id),
    CONSTRAINT fk_stock_reservation_items_option FOREIGN KEY (product_option_id)
        REFERENCES product_options (product_option_id),
    CONSTRAINT ck_stock_reservation_items_quantity CHECK (quantity > 0)
) ENGINE = InnoDB;

-- Every stock change that is not a reservation (initial stock, admin adjustments), append-only. With the
-- reservations it makes stock auditable: for every option,
--   stock_quantity = SUM(stock_adjustments.delta) - SUM(quantity of items whose reservation is RESERVED).
CREATE TABLE stock_adjustments (
    stock_adjustment_id BIGINT       NOT NULL,
    product_option_id   BIGINT       NOT NULL,
    delta               INT          NOT NULL,
    stock_after         INT          NOT NULL,
    reason              VARCHAR(200) NOT NULL,
    adjusted_by         BIGINT       NULL COMMENT 'admin user id',
    created_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (stock_adjustment_id),
    CONSTRAINT fk_stock_adjustments_option FOREIGN KEY (product_option_id)
        REFERENCES product_options (product_option_id),
    CONSTRAINT ck_stock_adjustments_after CHECK (stock_after >= 0)
) ENGINE = InnoDB;

CREATE INDEX idx_stock_adjustments_option_created ON stock_adjustments (product_option_id, created_at);
