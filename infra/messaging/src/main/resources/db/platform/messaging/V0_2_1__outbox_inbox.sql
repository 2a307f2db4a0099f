-- Transactional outbox (infra/messaging): rows are written in the business transaction, published by the relay.
CREATE TABLE outbox_event (
    id              BIGINT        NOT NULL PRIMARY KEY COMMENT 'Snowflake id, also the CloudEvents ce_id',
    partition_no    INT           NOT NULL COMMENT 'hash(message_key) mod partitions: one publisher per partition',
    topic           VARCHAR(249)  NOT NULL,
    message_key     VARCHAR(255)  NOT NULL,
    event_type      VARCHAR(255)  NOT NULL,
    headers         TEXT          NOT NULL COMMENT 'JSON object of Kafka headers (envelope)',
    payload         LONGTEXT      NOT NULL,
    status          VARCHAR(16)   NOT NULL COMMENT 'PENDING, PUBLISHED, FAILED',
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    published_at    DATETIME(6)   NULL,
    KEY idx_outbox_event_pending (status, partition_no, id),
    KEY idx_outbox_event_published_at (published_at)
);

CREATE TABLE outbox_partition_lease (
    partition_no INT          NOT NULL PRIMARY KEY,
    owner        VARCHAR(200) NULL,
    lease_until  BIGINT       NOT NULL DEFAULT 0 COMMENT 'epoch ms'
);

CREATE TABLE outbox_relay_instance (
    owner           VARCHAR(200) NOT NULL PRIMARY KEY,
    heartbeat_until BIGINT       NOT NULL COMMENT 'epoch ms'
);

-- Idempotent consumers (inbox): one row per (consumer, message) handled.
CREATE TABLE processed_message (
    consumer     VARCHAR(100) NOT NULL,
    message_id   VARCHAR(100) NOT NULL,
    message_type VARCHAR(255) NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, message_id),
    KEY idx_processed_message_processed_at (processed_at)
);
