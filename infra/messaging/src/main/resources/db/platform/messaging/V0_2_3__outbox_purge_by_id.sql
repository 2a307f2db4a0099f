-- Retention purges published rows by their Snowflake id (time-ordered) through idx_outbox_event_status_id, so the
-- published_at index is not needed: one index less to maintain on every append and every PUBLISHED mark (issue 17).
ALTER TABLE outbox_event DROP INDEX idx_outbox_event_published_at;
