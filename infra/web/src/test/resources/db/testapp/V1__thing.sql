CREATE TABLE thing (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id   BIGINT      NOT NULL,
    thing_name VARCHAR(50) NOT NULL,
    quantity   INT         NOT NULL,
    UNIQUE KEY uk_thing_name (thing_name),
    KEY idx_thing_owner (owner_id)
);

-- every execution of the flaky endpoint, committed even when it then fails
CREATE TABLE attempt (
    id       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id BIGINT      NOT NULL,
    label    VARCHAR(50) NOT NULL
);
