CREATE TABLE demo_account (
    id      BIGINT NOT NULL PRIMARY KEY,
    balance BIGINT NOT NULL
);
CREATE TABLE demo_effect (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id VARCHAR(100) NOT NULL,
    account_id BIGINT       NOT NULL,
    amount     BIGINT       NOT NULL
);
