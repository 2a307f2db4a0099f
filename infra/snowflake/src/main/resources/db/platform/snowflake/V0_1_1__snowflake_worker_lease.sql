-- Snowflake worker ids of this service, leased by running instances (infra/snowflake).
CREATE TABLE snowflake_worker_lease (
    worker_id             INT          NOT NULL PRIMARY KEY,
    owner                 VARCHAR(200) NULL,
    leased_until          BIGINT       NOT NULL DEFAULT 0 COMMENT 'epoch ms; free when in the past',
    previous_leased_until BIGINT       NOT NULL DEFAULT 0 COMMENT 'epoch ms; the new holder starts after it',
    heartbeat_at          BIGINT       NOT NULL DEFAULT 0,
    KEY idx_snowflake_worker_lease_until (leased_until, worker_id),
    KEY idx_snowflake_worker_lease_owner (owner)
);

-- one row per worker id 0..1023 (no recursive CTE: MySQL caps recursion at 1000 by default)
INSERT INTO snowflake_worker_lease (worker_id)
SELECT a.n + 16 * b.n + 256 * c.n
  FROM (SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
        UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10
        UNION ALL SELECT 11 UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14 UNION ALL SELECT 15) a
 CROSS JOIN (SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
        UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9 UNION ALL SELECT 10
        UNION ALL SELECT 11 UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14 UNION ALL SELECT 15) b
 CROSS JOIN (SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) c;
