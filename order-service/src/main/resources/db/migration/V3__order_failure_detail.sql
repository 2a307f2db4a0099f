-- Issue 12: what the refusing service said about an order's failure (e.g. "The balance is 5000, 12000 needed"), or
-- which step went unanswered, kept apart from failure_code; failure_reason shows the code's text followed by it.
ALTER TABLE orders
    ADD COLUMN failure_detail VARCHAR(500) NULL COMMENT 'the participant''s own words for failure_code';
