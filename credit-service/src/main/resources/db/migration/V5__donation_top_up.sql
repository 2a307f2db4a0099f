-- A donation with a top-up (POST /v1/donations with top_up): the purchase bought for it. PENDING while that purchase
-- settles; COMPLETED once the credits were given, FAILED otherwise (credits bought for it then stay in the wallet).
ALTER TABLE donations ADD COLUMN topup_purchase_id BIGINT NULL COMMENT 'credit_purchases.id bought for it' AFTER saga_id;
CREATE INDEX idx_donations_pending ON donations (status, created_at);
