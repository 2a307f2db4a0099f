-- The demo orchestrator's own table, and the fake participants' tables (in one database for the test).
CREATE TABLE demo_account (
    id      BIGINT NOT NULL PRIMARY KEY,
    balance BIGINT NOT NULL
);
CREATE TABLE demo_transfer_outcome (
    transfer_id BIGINT       NOT NULL PRIMARY KEY,
    status      VARCHAR(20)  NOT NULL,
    reason      VARCHAR(100) NULL,
    seat        VARCHAR(20)  NULL,
    charge_id   VARCHAR(40)  NULL
);
-- every command a participant received
CREATE TABLE demo_command (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id     VARCHAR(100) NOT NULL,
    message_key    VARCHAR(100) NOT NULL,
    type           VARCHAR(100) NOT NULL,
    transfer_id    BIGINT       NOT NULL,
    correlation_id VARCHAR(200) NULL,
    payload        TEXT         NOT NULL
);
CREATE TABLE demo_seat (
    transfer_id BIGINT      NOT NULL PRIMARY KEY,
    status      VARCHAR(20) NOT NULL COMMENT 'RESERVED, RELEASED, CLOSED (released before it was reserved)',
    seat        VARCHAR(20) NULL
);
CREATE TABLE demo_card (
    transfer_id BIGINT      NOT NULL PRIMARY KEY,
    status      VARCHAR(20) NOT NULL COMMENT 'CHARGED, REFUNDED, CLOSED (refunded before it was charged)'
);
CREATE TABLE demo_card_ledger (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    transfer_id BIGINT NOT NULL,
    amount      BIGINT NOT NULL
);
-- a success reply the card participant withholds (scenario card-late), released by the test
CREATE TABLE demo_held_reply (
    transfer_id    BIGINT       NOT NULL PRIMARY KEY,
    correlation_id VARCHAR(200) NOT NULL,
    type           VARCHAR(100) NOT NULL,
    payload        TEXT         NOT NULL
);
