-- The hand-off after commit checks, per slot, that no older row of the slot is still pending (ADR 15):
-- this index answers that from the slot's own entries, whatever the other slots hold.
ALTER TABLE outbox_event
    ADD KEY idx_outbox_event_status_slot_id (status, partition_no, id);
