-- Idempotency-Key records of this service's POST requests (infra/web): one row per (user, key), the first
-- response stored for replay; purged after the retention period (platform.web.idempotency.retention).
CREATE TABLE idempotency_key (
    user_id               BIGINT        NOT NULL,
    idem_key              VARCHAR(255)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'case-sensitive',
    request_method        VARCHAR(16)   NOT NULL,
    request_path          VARCHAR(1024) NOT NULL,
    request_hash          CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                                        COMMENT 'SHA-256 hex of method, path, query and body',
    state                 VARCHAR(16)   NOT NULL COMMENT 'IN_PROGRESS or COMPLETED',
    attempt_token         CHAR(32)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                                        COMMENT 'the attempt that owns the row',
    response_status       INT           NULL,
    response_content_type VARCHAR(255)  NULL,
    response_headers      TEXT          NULL COMMENT 'replayed headers, one "Name: value" per line',
    response_body         LONGBLOB      NULL,
    created_at            DATETIME(6)   NOT NULL COMMENT 'UTC; when the (latest) attempt started',
    completed_at          DATETIME(6)   NULL COMMENT 'UTC',
    PRIMARY KEY (user_id, idem_key),
    KEY idx_idempotency_key_created_at (created_at),
    CONSTRAINT ck_idempotency_key_state CHECK (state IN ('IN_PROGRESS', 'COMPLETED'))
);
