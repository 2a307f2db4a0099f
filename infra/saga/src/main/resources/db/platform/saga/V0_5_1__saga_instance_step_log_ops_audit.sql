-- Saga orchestration (infra/saga, ADR 11): one row per saga instance, an append-only step log, and operators'
-- actions. Every time below is UTC from the database clock (UTC_TIMESTAMP(6)), whatever the host or session zone.
CREATE TABLE saga_instance (
    id                BIGINT        NOT NULL PRIMARY KEY COMMENT 'Snowflake id; commands carry <saga_type>:<id> as correlation id',
    saga_type         VARCHAR(100)  NOT NULL COMMENT 'definition name, e.g. order.checkout',
    status            VARCHAR(16)   NOT NULL COMMENT 'RUNNING, COMPENSATING, COMPLETED, COMPENSATED, FAILED (needs an operator)',
    current_step      VARCHAR(100)  NULL COMMENT 'step whose command (RUNNING) or compensation (COMPENSATING, FAILED) awaits a reply',
    data              LONGTEXT      NOT NULL COMMENT 'the saga data (a record) as JSON',
    executed_steps    VARCHAR(2000) NOT NULL DEFAULT '' COMMENT 'comma-separated steps whose action ran or whose command was sent',
    compensated_steps VARCHAR(2000) NOT NULL DEFAULT '' COMMENT 'comma-separated steps whose compensation ran or was sent',
    reason_code       VARCHAR(100)  NULL COMMENT 'why the saga compensates (a failure reply''s code, DEADLINE_EXPIRED, ...)',
    deadline_at       DATETIME(6)   NULL COMMENT 'when the awaited reply is overdue; NULL when nothing is awaited',
    attempts          INT           NOT NULL DEFAULT 0 COMMENT 'sends of the current command or compensation',
    step_started_at   DATETIME(6)   NULL COMMENT 'first send of the current command (step latency)',
    last_error        VARCHAR(1000) NULL,
    log_seq           INT           NOT NULL DEFAULT 0 COMMENT 'seq of the last saga_step_log row',
    version           BIGINT        NOT NULL DEFAULT 0 COMMENT 'optimistic check on top of the row lock',
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    KEY idx_saga_instance_deadline (status, deadline_at),
    KEY idx_saga_instance_type_status (saga_type, status, created_at),
    KEY idx_saga_instance_status_created (status, created_at),
    KEY idx_saga_instance_created (created_at)
);

CREATE TABLE saga_step_log (
    saga_id    BIGINT        NOT NULL,
    seq        INT           NOT NULL,
    step       VARCHAR(100)  NULL,
    event      VARCHAR(40)   NOT NULL COMMENT 'STARTED, COMMAND_SENT, REPLY, DEADLINE, RETRY, COMPENSATION_SENT, LATE_REPLY_IGNORED, OPS_RETRY, ...',
    message_id VARCHAR(100)  NULL COMMENT 'the command sent (ce_id) or the reply received',
    outcome    VARCHAR(100)  NULL COMMENT 'SUCCESS, a failure reason code, COMPENSATED, ...',
    detail     VARCHAR(1000) NULL,
    logged_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (saga_id, seq)
);

CREATE TABLE saga_ops_audit (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    saga_id    BIGINT       NOT NULL,
    action     VARCHAR(40)  NOT NULL COMMENT 'RETRY, COMPENSATE',
    actor      VARCHAR(100) NOT NULL COMMENT 'user id from the verified token',
    reason     VARCHAR(500) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    KEY idx_saga_ops_audit_saga (saga_id, id)
);
