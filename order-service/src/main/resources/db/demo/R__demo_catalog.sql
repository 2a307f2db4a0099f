-- DEMO DATA ONLY (loaded with the dev profile: spring.flyway.locations adds classpath:db/demo).
-- A small catalog so that the README quickstart can place an order right away:
--   product 1 베이직 티셔츠 15,000 KRW: options 11 S, 12 M, 13 L (+1,000), 100 each
--   product 2 데님 재킷 79,000 KRW:     options 21 M, 22 L (+2,000), 20 each
--   product 3 캔버스 토트백 12,000 KRW: options 31 내추럴 (50), 32 블랙 (sold out: 0)
-- Stock enters through the stock ledger (stock_adjustments), as an admin's initial stock does, so that
-- stock = SUM(adjustments) - SUM(reserved items) holds for the demo options too (ADR 6).
-- Repeatable and idempotent (INSERT IGNORE on fixed ids, far below any Snowflake id).

INSERT IGNORE INTO products (product_id, product_name, description, base_price, view_count, like_count, is_active,
                             created_at, updated_at)
VALUES
    (1, '베이직 티셔츠', '데일리로 입기 좋은 코튼 100% 반팔 티셔츠', 15000, 0, 0, TRUE,
        UTC_TIMESTAMP(6) - INTERVAL 3 DAY, UTC_TIMESTAMP(6) - INTERVAL 3 DAY),
    (2, '데님 재킷', '워싱 데님 트러커 재킷', 79000, 0, 0, TRUE,
        UTC_TIMESTAMP(6) - INTERVAL 2 DAY, UTC_TIMESTAMP(6) - INTERVAL 2 DAY),
    (3, '캔버스 토트백', '13인치 노트북이 들어가는 캔버스 토트백', 12000, 0, 0, TRUE,
        UTC_TIMESTAMP(6) - INTERVAL 1 DAY, UTC_TIMESTAMP(6) - INTERVAL 1 DAY);

INSERT IGNORE INTO product_options (product_option_id, product_id, option_name, sku, additional_price,
                                    stock_quantity, is_active, created_at, updated_at)
VALUES
    (11, 1, 'S', 'DEMO-TEE-S', 0, 100, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (12, 1, 'M', 'DEMO-TEE-M', 0, 100, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (13, 1, 'L', 'DEMO-TEE-L', 1000, 100, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (21, 2, 'M', 'DEMO-JACKET-M', 0, 20, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (22, 2, 'L', 'DEMO-JACKET-L', 2000, 20, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (31, 3, '내추럴', 'DEMO-TOTE-NATURAL', 0, 50, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (32, 3, '블랙', 'DEMO-TOTE-BLACK', 0, 0, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));

INSERT IGNORE INTO stock_adjustments (stock_adjustment_id, product_option_id, delta, stock_after, reason,
                                      adjusted_by, created_at)
VALUES
    (111, 11, 100, 100, 'demo: initial stock', NULL, UTC_TIMESTAMP(6)),
    (112, 12, 100, 100, 'demo: initial stock', NULL, UTC_TIMESTAMP(6)),
    (113, 13, 100, 100, 'demo: initial stock', NULL, UTC_TIMESTAMP(6)),
    (121, 21, 20, 20, 'demo: initial stock', NULL, UTC_TIMESTAMP(6)),
    (122, 22, 20, 20, 'demo: initial stock', NULL, UTC_TIMESTAMP(6)),
    (131, 31, 50, 50, 'demo: initial stock', NULL, UTC_TIMESTAMP(6));
