-- Issue 12: a cancel that arrives before (or while) its payment is confirmed. The saga that asked for the confirm
-- compensates it while the confirm is still in flight (or sends it again after the cancel). The cancel leaves a
-- tombstone on the payment key: a confirm arriving after it is refused (answered FAILED, never sent to the PG); a
-- confirm already at the PG is answered FAILED whatever the PG says, and an approval it got is cancelled at the PG
-- with the requester's cancel request (whose CANCELLED answer is then the PG's). One tombstone per payment key.
CREATE TABLE payment_tombstones (
    pg_payment_id     VARCHAR(200) NOT NULL PRIMARY KEY COMMENT 'the payment key closed for confirms',
    cancel_request_id VARCHAR(200) NOT NULL COMMENT 'the cancel that closed it (its idempotency key)',
    cancel_reason     VARCHAR(200) NULL,
    correlation_id    VARCHAR(100) NULL COMMENT 'of the cancel command: its late answer reaches the saga',
    payment_id        BIGINT       NULL COMMENT 'the PENDING payment the cancel found (NULL: none yet)',
    answered_at       DATETIME(6)  NULL COMMENT 'NULL while the cancel awaits the confirm''s outcome',
    cancellation_id   BIGINT       NULL COMMENT 'the cancel at the PG of an approval that came after the tombstone',
    created_at        DATETIME(6)  NOT NULL
);
