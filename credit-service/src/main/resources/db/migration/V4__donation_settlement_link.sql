-- Each completed donation is settled exactly once: settlement_id says which settlement counted it. A period may be
-- settled while it is still running (the current UTC month); donations completed after that settlement are taken by
-- the creator's next settlement, so that a settled period never changes.
ALTER TABLE donations ADD COLUMN settlement_id BIGINT NULL COMMENT 'the settlement that counted it' AFTER saga_id;
CREATE INDEX idx_donations_unsettled ON donations (creator_id, settlement_id, status, completed_at);
