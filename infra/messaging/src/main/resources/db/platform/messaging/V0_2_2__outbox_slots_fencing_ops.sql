-- Messaging hardening (issue 10, ADR 10):
-- * outbox_event.partition_no now holds the row's fixed slot, hash(key) mod 1024, which never changes with
--   configuration; relays lease slots, so no configuration change can strand rows.
-- * leases are timed by the database clock (never a host's), see SlotLeases.
-- * the relay reads pending rows in id order: (status, id) serves that without a sort.
ALTER TABLE outbox_event
    MODIFY partition_no INT NOT NULL COMMENT 'slot: hash(message_key) mod 1024; one publisher per slot at a time',
    DROP INDEX idx_outbox_event_pending,
    ADD KEY idx_outbox_event_status_id (status, id);

ALTER TABLE outbox_partition_lease
    MODIFY lease_until BIGINT NOT NULL DEFAULT 0 COMMENT 'epoch ms of the database clock';

ALTER TABLE outbox_relay_instance
    MODIFY heartbeat_until BIGINT NOT NULL COMMENT 'epoch ms of the database clock';

-- Operator actions on messaging (requeue a parked row, replay a dead letter), and which dead letters were replayed.
CREATE TABLE messaging_ops_audit (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    action      VARCHAR(40)   NOT NULL COMMENT 'OUTBOX_REQUEUE, DLT_REPLAY',
    target      VARCHAR(400)  NOT NULL COMMENT 'outbox row id, or dlt topic/partition/offset',
    actor       VARCHAR(100)  NOT NULL COMMENT 'user id from the verified token',
    reason      VARCHAR(500)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    KEY idx_messaging_ops_audit_created_at (created_at)
);

CREATE TABLE messaging_dlt_replay (
    dlt_topic     VARCHAR(249) NOT NULL,
    dlt_partition INT          NOT NULL,
    dlt_offset    BIGINT       NOT NULL,
    replayed_at   DATETIME(6)  NOT NULL,
    replayed_by   VARCHAR(100) NOT NULL,
    PRIMARY KEY (dlt_topic, dlt_partition, dlt_offset)
);
