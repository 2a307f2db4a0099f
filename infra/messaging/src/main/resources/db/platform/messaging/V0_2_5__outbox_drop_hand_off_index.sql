-- The hand-off after commit is off by default (ADR 15), so its (status, partition_no, id) index only cost every
-- outbox INSERT and every PUBLISHED update; its check reads the (status, id) index instead, which holds few pending
-- rows whenever the hand-off runs (it runs only while the relay is caught up).
ALTER TABLE outbox_event DROP INDEX idx_outbox_event_status_slot_id;
