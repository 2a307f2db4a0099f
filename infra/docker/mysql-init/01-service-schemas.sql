-- One schema and one user per service, each granted its own schema only (run once by the MySQL image on first start).
-- credit-service (ADR 16): migrations run as credit_service_owner, which grants the application's account
-- credit_service per-table privileges after each migration (SELECT, INSERT only on the history tables).
-- Dev passwords equal the user names; real deployments inject secrets instead.
CREATE DATABASE IF NOT EXISTS order_service   CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS point_service   CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS coupon_service  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS payment_service CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS credit_service  CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE USER IF NOT EXISTS 'order_service'@'%'   IDENTIFIED BY 'order_service';
CREATE USER IF NOT EXISTS 'point_service'@'%'   IDENTIFIED BY 'point_service';
CREATE USER IF NOT EXISTS 'coupon_service'@'%'  IDENTIFIED BY 'coupon_service';
CREATE USER IF NOT EXISTS 'payment_service'@'%' IDENTIFIED BY 'payment_service';
CREATE USER IF NOT EXISTS 'credit_service'@'%'  IDENTIFIED BY 'credit_service';
CREATE USER IF NOT EXISTS 'credit_service_owner'@'%' IDENTIFIED BY 'credit_service_owner';

GRANT ALL PRIVILEGES ON order_service.*   TO 'order_service'@'%';
GRANT ALL PRIVILEGES ON point_service.*   TO 'point_service'@'%';
GRANT ALL PRIVILEGES ON coupon_service.*  TO 'coupon_service'@'%';
GRANT ALL PRIVILEGES ON payment_service.* TO 'payment_service'@'%';
GRANT ALL PRIVILEGES ON credit_service.*  TO 'credit_service_owner'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
