package com.creatorcommerce.chaos;

import com.creatorcommerce.chaos.ChaosRun.Order;
import com.creatorcommerce.chaos.ChaosRun.Paid;
import com.creatorcommerce.chaos.ChaosRun.Race;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * What the databases say after the run, with SQL over every service's schema on the one server (the ledger rules of
 * ARCHITECTURE.md and each service's tests), and what the dead-letter topics hold (messaging ops API). Checks over
 * money and flows are scoped to the run's users ({@code user_id >= userBase}) or to rows created since the run
 * started; ledger and duplicate checks cover the whole databases.
 */
final class Checks implements AutoCloseable {

    private final Stack stack;
    private final long base;
    private final Duration grace;
    private final Connection db;
    private final String o;
    private final String pt;
    private final String cp;
    private final String pay;
    private final String cr;

    Checks(Stack stack, long userBase, Duration grace) throws SQLException {
        this.stack = stack;
        this.base = userBase;
        this.grace = grace;
        String url = stack.jdbcServerUrl();
        this.db = DriverManager.getConnection(url.endsWith("/") ? url : url + "/", stack.dbUser(), stack.dbPassword());
        this.o = stack.schema("order-service");
        this.pt = stack.schema("point-service");
        this.cp = stack.schema("coupon-service");
        this.pay = stack.schema("payment-service");
        this.cr = stack.schema("credit-service");
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

    LocalDateTime databaseNow() throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT UTC_TIMESTAMP(6)");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toLocalDateTime();
        }
    }

    // ------------------------------------------------------------------------------------------------ rest

    /** What is still in flight for the run: sagas, requests, payments, refunds, outbox rows. */
    Map<String, Long> pending(LocalDateTime start) throws SQLException {
        Map<String, Long> p = new TreeMap<>();
        Timestamp t = Timestamp.valueOf(start);
        long sagas = 0;
        for (String schema : sagaSchemas()) {
            sagas += count(
                    "SELECT COUNT(*) FROM " + schema + ".saga_instance WHERE status IN "
                            + "('RUNNING','COMPENSATING') AND created_at >= ?",
                    t);
        }
        p.put("sagas running/compensating", sagas);
        p.put(
                "orders pending or cancelling",
                count(
                        "SELECT COUNT(*) FROM " + o + ".orders WHERE user_id >= ? AND "
                                + "(order_status = 'PENDING' OR cancel_status = 'IN_PROGRESS')",
                        base));
        p.put(
                "point charges confirmed, pending",
                count(
                        "SELECT COUNT(*) FROM " + pt + ".point_charge_requests "
                                + "WHERE user_id >= ? AND payment_key IS NOT NULL AND (status = 'PENDING' "
                                + "OR refund_status = 'REQUESTED')",
                        base));
        p.put(
                "credit purchases pending",
                count(
                        "SELECT COUNT(*) FROM " + cr + ".credit_purchases WHERE user_id >= ? "
                                + "AND (status = 'PENDING' OR refund_status = 'REQUESTED')",
                        base));
        p.put(
                "donations pending",
                count(
                        "SELECT COUNT(*) FROM " + cr + ".donations WHERE donor_id >= ? AND " + "status = 'PENDING'",
                        base));
        p.put(
                "payments pending",
                count(
                        "SELECT COUNT(*) FROM " + pay + ".payments WHERE user_id >= ? AND "
                                + "payment_status = 'PENDING'",
                        base));
        p.put(
                "PG cancellations requested",
                count(
                        "SELECT COUNT(*) FROM " + pay + ".payment_cancellations c JOIN " + pay
                                + ".payments p ON p.payment_id = c.payment_id WHERE p.user_id >= ? AND c.status = 'REQUESTED'",
                        base));
        long outbox = 0;
        for (String s : Stack.SERVICES) {
            outbox += count("SELECT COUNT(*) FROM " + stack.schema(s) + ".outbox_event WHERE status = 'PENDING'");
        }
        p.put("outbox rows pending", outbox);
        return p;
    }

    /** Waits until nothing is pending (twice in a row) or the timeout; returns what is still pending. */
    long awaitRest(LocalDateTime start, Duration timeout, BiConsumer<String, Object[]> log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastLog = 0;
        int quiet = 0;
        while (true) {
            Map<String, Long> p = pending(start);
            long total = p.values().stream().mapToLong(Long::longValue).sum();
            quiet = total == 0 ? quiet + 1 : 0;
            if (quiet >= 2) {
                return 0;
            }
            if (System.nanoTime() > deadline) {
                log.accept("not at rest after the timeout: %s", new Object[] {nonZero(p)});
                return total;
            }
            if (System.nanoTime() - lastLog > 30_000_000_000L) {
                lastLog = System.nanoTime();
                log.accept("pending: %s", new Object[] {nonZero(p)});
            }
            Thread.sleep(3_000);
        }
    }

    private static String nonZero(Map<String, Long> p) {
        String s = p.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "nothing" : s;
    }

    // ------------------------------------------------------------------------------------------------ checks

    void all(Report r, LocalDateTime start, ChaosRun run, Api api, long admin) throws Exception {
        Timestamp t = Timestamp.valueOf(start);
        Map<String, Long> pending = pending(start);
        r.check(
                "the platform came to rest (nothing pending: sagas, requests, payments, refunds, outbox)",
                pending.values().stream().allMatch(v -> v == 0),
                nonZero(pending));
        sagas(r, t);
        flows(r, run);
        pointLedger(r);
        creditLedger(r);
        couponLedger(r, run);
        stock(r);
        orderEffects(r);
        duplicates(r);
        money(r);
        pgJournal(r, api, run.runId());
        parkedAndDeadLetters(r, t, start, api, admin);
    }

    /** The schemas of the services that orchestrate sagas (infra/saga's table): order-service, credit-service. */
    private List<String> sagaSchemas() throws SQLException {
        List<String> schemas = new ArrayList<>();
        for (String service : Stack.SERVICES) {
            if (count(
                            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = "
                                    + "'saga_instance'",
                            stack.schema(service))
                    > 0) {
                schemas.add(stack.schema(service));
            }
        }
        return schemas;
    }

    private void sagas(Report r, Timestamp start) throws SQLException {
        r.section("Sagas by final state");
        long total = 0;
        List<List<Object>> open = new ArrayList<>();
        for (String schema : sagaSchemas()) {
            for (List<Object> row : rows(
                    "SELECT saga_type, status, COUNT(*) FROM " + schema + ".saga_instance WHERE "
                            + "created_at >= ? GROUP BY saga_type, status ORDER BY saga_type, status",
                    start)) {
                r.line("%-25s %-24s %-12s %6s", schema, row.get(0), row.get(1), row.get(2));
                total += ((Number) row.get(2)).longValue();
            }
            open.addAll(rows(
                    "SELECT id, saga_type, status, current_step, deadline_at, "
                            + "deadline_at + INTERVAL ? SECOND < UTC_TIMESTAMP(6) FROM " + schema + ".saga_instance "
                            + "WHERE created_at >= ? AND status NOT IN ('COMPLETED','COMPENSATED') ORDER BY id LIMIT 20",
                    grace.toSeconds(),
                    start));
        }
        r.line("%d sagas", total);
        long overdue = open.stream()
                .filter(row -> row.get(5) != null && ((Number) row.get(5)).intValue() == 1)
                .count();
        r.check(
                "every saga terminal (COMPLETED or COMPENSATED; none FAILED, none open past deadline + "
                        + grace.toSeconds() + " s)",
                open.isEmpty(),
                open.isEmpty() ? total + " sagas" : overdue + " past deadline + grace; " + open);
        r.section("Orders of the run by final state");
        for (List<Object> row : rows(
                "SELECT order_status, COALESCE(failure_code, '-'), COALESCE(cancel_status, '-')," + " COUNT(*) FROM "
                        + o + ".orders WHERE user_id >= ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                base)) {
            r.line("%-10s %-24s cancel %-12s %6s", row.get(0), row.get(1), row.get(2), row.get(3));
        }
    }

    /** 0 lost: every request the load saw accepted is in its service's database and settled. */
    private void flows(Report r, ChaosRun run) throws SQLException {
        Map<String, List<Object>> orders = new HashMap<>();
        for (List<Object> row : rows(
                "SELECT CONCAT(user_id, ' ', idempotency_key), order_status, cancel_status " + "FROM " + o
                        + ".orders WHERE user_id >= ?",
                base)) {
            orders.put((String) row.get(0), row);
        }
        List<String> lost = new ArrayList<>();
        List<String> unsettled = new ArrayList<>();
        int ordersAccepted = 0;
        int cancels = 0;
        for (Order order : run.orders) {
            List<Object> row = orders.get(order.user + " " + order.key);
            if (order.accepted) {
                ordersAccepted++;
            }
            if (row == null) {
                if (order.accepted) {
                    lost.add("order " + order.id);
                }
                continue;
            }
            if ("PENDING".equals(row.get(1)) || "IN_PROGRESS".equals(row.get(2))) {
                unsettled.add("order " + order.id + " " + row.get(1) + "/" + row.get(2));
            }
            if (order.cancelAccepted) {
                cancels++;
                if (!"CANCELLED".equals(row.get(1))) {
                    unsettled.add("cancel of order " + order.id + ": " + row.get(1) + "/" + row.get(2));
                }
            }
        }
        Map<String, String> status = new HashMap<>();
        rows(
                        "SELECT payment_key, status FROM " + pt
                                + ".point_charge_requests WHERE user_id >= ? AND payment_key " + "IS NOT NULL",
                        base)
                .forEach(row -> status.put("point-charge " + row.get(0), (String) row.get(1)));
        rows("SELECT payment_key, status FROM " + cr + ".credit_purchases WHERE user_id >= ?", base)
                .forEach(row -> status.put("credit-purchase " + row.get(0), (String) row.get(1)));
        rows("SELECT idempotency_key, status FROM " + cr + ".donations WHERE donor_id >= ?", base)
                .forEach(row -> status.put("donation-top-up " + row.get(0), (String) row.get(1)));
        Map<String, int[]> outcome = new TreeMap<>(); // kind -> accepted, completed, failed
        for (Paid p : run.paid) {
            String key = p.kind() + " "
                    + (p.idempotencyKey() == null ? p.paymentKey() : "donation:" + p.user() + ":" + p.idempotencyKey());
            String s = status.get(key);
            int[] c = outcome.computeIfAbsent(p.kind(), k -> new int[3]);
            if (p.accepted()) {
                c[0]++;
            }
            if (s == null) {
                if (p.accepted()) {
                    lost.add(key);
                }
            } else if ("PENDING".equals(s)) {
                unsettled.add(key);
            } else if ("COMPLETED".equals(s)) {
                c[1]++;
            } else {
                c[2]++;
            }
        }
        r.section("Requests accepted and how they ended");
        r.line("orders accepted %d, cancels accepted %d", ordersAccepted, cancels);
        outcome.forEach((k, c) -> r.line("%-16s accepted %5d  COMPLETED %5d  FAILED %5d", k, c[0], c[1], c[2]));
        r.check(
                "0 lost: every accepted request is in its service's database",
                lost.isEmpty(),
                lost.isEmpty() ? "" : lost.size() + " lost: " + first(lost));
        r.check(
                "every accepted request settled (orders COMPLETED/CANCELLED, accepted cancels CANCELLED, charges, "
                        + "purchases, donations COMPLETED/FAILED)",
                unsettled.isEmpty(),
                unsettled.isEmpty() ? "" : unsettled.size() + ": " + first(unsettled));
    }

    private void pointLedger(Report r) throws SQLException {
        Map<String, Long> v = new TreeMap<>();
        v.put(
                "balance <> sum of history",
                count("SELECT COUNT(*) FROM " + pt + ".point_balances b LEFT JOIN "
                        + "(SELECT user_id, SUM(amount) AS total FROM " + pt
                        + ".point_transactions GROUP BY user_id) t "
                        + "ON t.user_id = b.user_id WHERE b.balance <> COALESCE(t.total, 0)"));
        v.put(
                "history without wallet",
                count("SELECT COUNT(*) FROM " + pt + ".point_transactions t WHERE NOT EXISTS " + "(SELECT 1 FROM " + pt
                        + ".point_balances b WHERE b.user_id = t.user_id)"));
        v.put(
                "before + amount <> after",
                count("SELECT COUNT(*) FROM " + pt + ".point_transactions "
                        + "WHERE balance_before + amount <> balance_after"));
        v.put(
                "below zero",
                count("SELECT COUNT(*) FROM " + pt + ".point_balances WHERE balance < 0")
                        + count("SELECT COUNT(*) FROM " + pt + ".point_transactions WHERE balance_after < 0 "
                                + "OR balance_before < 0"));
        v.put(
                "row not continuing the previous one",
                count("SELECT COUNT(*) FROM (SELECT balance_before, COALESCE("
                        + "LAG(balance_after) OVER (PARTITION BY user_id ORDER BY transaction_id), 0) AS previous_after "
                        + "FROM " + pt + ".point_transactions) chain WHERE previous_after <> balance_before"));
        ledger(r, "point ledger (point_service): balance = sum of history, rows chain, nothing below zero", v);
    }

    private void creditLedger(Report r) throws SQLException {
        Map<String, Long> v = new TreeMap<>();
        v.put(
                "balance <> sum of history",
                count("SELECT COUNT(*) FROM (SELECT c.user_id FROM " + cr + ".credits c "
                        + "LEFT JOIN " + cr
                        + ".credit_history h ON c.user_id = h.user_id GROUP BY c.user_id, c.balance "
                        + "HAVING c.balance != COALESCE(SUM(h.amount), 0)) d"));
        v.put(
                "before + amount <> after",
                count("SELECT COUNT(*) FROM " + cr + ".credit_history "
                        + "WHERE balance_before + amount <> balance_after"));
        v.put(
                "below zero",
                count("SELECT COUNT(*) FROM " + cr + ".credits WHERE balance < 0")
                        + count("SELECT COUNT(*) FROM " + cr + ".credit_history WHERE balance_before < 0 "
                                + "OR balance_after < 0"));
        v.put(
                "history without wallet",
                count("SELECT COUNT(*) FROM " + cr + ".credit_history h WHERE NOT EXISTS " + "(SELECT 1 FROM " + cr
                        + ".credits c WHERE c.user_id = h.user_id)"));
        v.put(
                "row not continuing the previous one",
                count("SELECT COUNT(*) FROM (SELECT balance_before, COALESCE("
                        + "LAG(balance_after) OVER (PARTITION BY user_id ORDER BY id), 0) AS previous_after FROM " + cr
                        + ".credit_history) chain WHERE previous_after <> balance_before"));
        v.put(
                "version/totals <> history",
                count("SELECT COUNT(*) FROM " + cr + ".credits c WHERE c.version <> "
                        + "(SELECT COUNT(*) FROM " + cr
                        + ".credit_history h WHERE h.user_id = c.user_id) OR c.total_earned <> "
                        + "(SELECT COALESCE(SUM(amount), 0) FROM " + cr
                        + ".credit_history h WHERE h.user_id = c.user_id AND "
                        + "h.transaction_type IN ('purchase', 'bonus')) OR c.total_spent <> (SELECT COALESCE(-SUM(amount), 0) "
                        + "FROM " + cr + ".credit_history h WHERE h.user_id = c.user_id AND h.transaction_type IN "
                        + "('usage', 'donation'))"));
        v.put(
                "balance <> sum of lots",
                count("SELECT COUNT(*) FROM " + cr + ".credits c WHERE c.balance <> "
                        + "(SELECT COALESCE(SUM(t.remaining), 0) FROM " + cr + ".credit_topups t "
                        + "WHERE t.user_id = c.user_id)"));
        v.put(
                "lot credits <> remaining + usages",
                count("SELECT COUNT(*) FROM " + cr + ".credit_topups t WHERE "
                        + "t.credits <> t.remaining + (SELECT COALESCE(SUM(u.credits), 0) FROM " + cr
                        + ".credit_usages u "
                        + "WHERE u.lot_id = t.id)"));
        v.put(
                "debit <> credits taken from lots",
                count("SELECT COUNT(*) FROM " + cr + ".credit_history h WHERE "
                        + "h.amount < 0 AND -h.amount <> (SELECT COALESCE(SUM(u.credits), 0) FROM " + cr
                        + ".credit_usages u "
                        + "WHERE u.history_id = h.id)"));
        v.put(
                "credit without its lot",
                count("SELECT COUNT(*) FROM " + cr + ".credit_history h WHERE h.amount > 0 "
                        + "AND NOT EXISTS (SELECT 1 FROM " + cr + ".credit_topups t WHERE t.history_id = h.id "
                        + "AND t.credits = h.amount)"));
        ledger(
                r,
                "credit ledger (credit_service): balance = history = lots, rows chain, totals, nothing below zero",
                v);
    }

    private void couponLedger(Report r, ChaosRun run) throws SQLException {
        Map<String, Long> v = new TreeMap<>();
        v.put(
                "issued_quantity <> user coupons, or over total",
                count("SELECT COUNT(*) FROM " + cp + ".coupons c "
                        + "WHERE c.issued_quantity <> (SELECT COUNT(*) FROM " + cp
                        + ".user_coupons uc WHERE uc.coupon_id = "
                        + "c.coupon_id) OR (c.total_quantity IS NOT NULL AND c.issued_quantity > c.total_quantity)"));
        v.put(
                "is_used <> a USED usage",
                count("SELECT COUNT(*) FROM " + cp + ".user_coupons uc WHERE uc.is_used <> "
                        + "EXISTS (SELECT 1 FROM " + cp
                        + ".coupon_usage_history u WHERE u.user_coupon_id = uc.user_coupon_id "
                        + "AND u.status = 'USED')"));
        v.put(
                "coupon still RESERVED by a settled order",
                count("SELECT COUNT(*) FROM " + cp
                        + ".coupon_usage_history u JOIN " + o + ".orders x ON x.order_id = u.order_id WHERE u.status = "
                        + "'RESERVED' AND x.order_status <> 'PENDING'"));
        v.put(
                "completed order whose coupon is not USED",
                count(
                        "SELECT COUNT(*) FROM " + o + ".orders x WHERE "
                                + "x.user_id >= ? AND x.user_coupon_id IS NOT NULL AND x.order_status = 'COMPLETED' AND NOT EXISTS "
                                + "(SELECT 1 FROM " + cp
                                + ".coupon_usage_history u WHERE u.order_id = x.order_id AND u.user_coupon_id "
                                + "= x.user_coupon_id AND u.status = 'USED')",
                        base));
        v.put(
                "cancelled order still holding its coupon",
                count(
                        "SELECT COUNT(*) FROM " + o + ".orders x WHERE "
                                + "x.user_id >= ? AND x.order_status = 'CANCELLED' AND EXISTS (SELECT 1 FROM " + cp
                                + ".coupon_usage_history u WHERE u.order_id = x.order_id AND u.status IN ('RESERVED', 'USED'))",
                        base));
        ledger(r, "coupon ledger (coupon_service): issued = user coupons <= total, usage matches every order", v);
        r.section("Coupon first-come races");
        List<String> bad = new ArrayList<>();
        int races = 0;
        for (Race race : run.races) {
            races++;
            List<List<Object>> row = rows(
                    "SELECT issued_quantity, total_quantity, (SELECT COUNT(*) FROM " + cp
                            + ".user_coupons uc WHERE uc.coupon_id = c.coupon_id) FROM " + cp + ".coupons c "
                            + "WHERE c.coupon_id = ?",
                    Long.parseLong(race.couponId()));
            long issued = ((Number) row.getFirst().get(0)).longValue();
            long userCoupons = ((Number) row.getFirst().get(2)).longValue();
            r.line(
                    "coupon %s: %d users raced for %d, clients saw %d issued, database %d issued (%d user coupons)",
                    race.couponId(), race.users(), race.total(), race.issued(), issued, userCoupons);
            if (issued > race.total() || userCoupons != issued || race.issued() > issued) {
                bad.add(race.couponId());
            }
        }
        r.check(
                "coupon races: never more issued than the total, each issue the client saw is in the database",
                bad.isEmpty(),
                races + " races" + (bad.isEmpty() ? "" : "; wrong: " + bad));
    }

    private void stock(Report r) throws SQLException {
        Map<String, Long> v = new TreeMap<>();
        v.put(
                "stock <> adjustments - reserved",
                count("SELECT COUNT(*) FROM " + o + ".product_options po WHERE "
                        + "po.stock_quantity <> (SELECT COALESCE(SUM(a.delta), 0) FROM " + o
                        + ".stock_adjustments a WHERE "
                        + "a.product_option_id = po.product_option_id) - (SELECT COALESCE(SUM(i.quantity), 0) FROM " + o
                        + ".stock_reservation_items i JOIN " + o + ".stock_reservations s ON s.stock_reservation_id = "
                        + "i.stock_reservation_id WHERE i.product_option_id = po.product_option_id "
                        + "AND s.status = 'RESERVED')"));
        v.put("stock below zero", count("SELECT COUNT(*) FROM " + o + ".product_options WHERE stock_quantity < 0"));
        v.put(
                "completed order without its stock",
                count("SELECT COUNT(*) FROM " + o + ".orders x WHERE "
                        + "x.order_status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM " + o
                        + ".stock_reservations s WHERE "
                        + "s.order_id = x.order_id AND s.status = 'RESERVED')"));
        v.put(
                "cancelled order still holding stock",
                count("SELECT COUNT(*) FROM " + o + ".orders x WHERE "
                        + "x.order_status = 'CANCELLED' AND EXISTS (SELECT 1 FROM " + o + ".stock_reservations s WHERE "
                        + "s.order_id = x.order_id AND s.status = 'RESERVED')"));
        ledger(
                r,
                "stock ledger (order_service): stock = adjustments - reserved, never below zero, conserved by "
                        + "cancels",
                v);
    }

    /** Every settled order of the run has exactly the point movements its outcome implies. */
    private void orderEffects(Report r) throws SQLException {
        String tx = "SELECT %s FROM " + pt + ".point_transactions t WHERE t.idempotency_key = CONCAT('ORDER:', "
                + "x.order_id, ':%s')";
        Map<String, Long> v = new TreeMap<>();
        v.put(
                "completed order not paid exactly once",
                count(
                        "SELECT COUNT(*) FROM " + o + ".orders x WHERE "
                                + "x.user_id >= ? AND x.order_status = 'COMPLETED' AND (COALESCE(("
                                + tx.formatted("-t.amount", "USE")
                                + "), 0) <> x.final_amount OR EXISTS (" + tx.formatted("1", "REFUND") + "))",
                        base));
        v.put(
                "cancelled order whose points were not given back",
                count(
                        "SELECT COUNT(*) FROM " + o + ".orders x "
                                + "WHERE x.user_id >= ? AND x.order_status = 'CANCELLED' AND COALESCE(("
                                + tx.formatted("-t.amount", "USE") + "), 0) <> COALESCE(("
                                + tx.formatted("t.amount", "REFUND") + "), 0)",
                        base));
        v.put(
                "points_charged <> a CHARGE of the order",
                count(
                        "SELECT COUNT(*) FROM " + o + ".orders x WHERE "
                                + "x.user_id >= ? AND x.order_status <> 'PENDING' AND x.points_charged <> EXISTS ("
                                + tx.formatted("1", "CHARGE") + ")",
                        base));
        ledger(
                r,
                "order effects: a completed order used its final amount once, a cancelled one got it back, "
                        + "points bought on the way are credited once",
                v);
    }

    private void duplicates(Report r) throws SQLException {
        Map<String, Long> v = new TreeMap<>();
        v.put(
                "payments approved per charge/order/purchase > 1",
                count("SELECT COUNT(*) FROM (SELECT purpose, "
                        + "reference_id FROM " + pay + ".payments WHERE approved_amount IS NOT NULL GROUP BY purpose, "
                        + "reference_id HAVING COUNT(*) > 1) d"));
        v.put(
                "point movements per charge/order and type > 1",
                count("SELECT COUNT(*) FROM (SELECT transaction_type, "
                        + "reference_type, reference_id FROM " + pt + ".point_transactions GROUP BY transaction_type, "
                        + "reference_type, reference_id HAVING COUNT(*) > 1) d"));
        v.put(
                "credits per purchase <> (COMPLETED ? 1 : 0)",
                count("SELECT COUNT(*) FROM " + cr + ".credit_purchases p "
                        + "WHERE (p.status = 'COMPLETED') <> (SELECT COUNT(*) FROM " + cr + ".credit_history h WHERE "
                        + "h.idempotency_key = CONCAT('purchase:', p.id))"));
        v.put(
                "donation debited more than once",
                count("SELECT COUNT(*) FROM (SELECT history_id FROM " + cr
                                + ".donations WHERE history_id IS NOT NULL GROUP BY history_id HAVING COUNT(*) > 1) d")
                        + count("SELECT COUNT(*) FROM " + cr + ".donations WHERE (status = 'COMPLETED') <> "
                                + "(history_id IS NOT NULL)"));
        v.put(
                "coupons per user and coupon > 1",
                count("SELECT COUNT(*) FROM (SELECT user_id, coupon_id FROM " + cp
                        + ".user_coupons GROUP BY user_id, coupon_id HAVING COUNT(*) > 1) d"));
        v.put(
                "orders per Idempotency-Key > 1",
                count("SELECT COUNT(*) FROM (SELECT user_id, idempotency_key FROM "
                        + o + ".orders WHERE idempotency_key IS NOT NULL GROUP BY user_id, idempotency_key "
                        + "HAVING COUNT(*) > 1) d"));
        ledger(
                r,
                "0 duplicated: payments per charge, credits per purchase, debits per donation, coupons per user, "
                        + "orders per key",
                v);
    }

    /** PG-approved money = money credited (points, credits) + money given back at the PG; each credit was paid. */
    private void money(Report r) throws SQLException {
        List<List<Object>> payments = rows(
                "SELECT p.payment_id, p.purpose, p.approved_amount, p.cancelled_amount, "
                        + "CASE p.purpose "
                        + " WHEN 'POINT_CHARGE' THEN (SELECT t.amount FROM " + pt + ".point_transactions t WHERE "
                        + "  t.idempotency_key = CONCAT('CHARGE_REQUEST:', p.reference_id, ':CHARGE'))"
                        + " WHEN 'ORDER_CHARGE' THEN (SELECT t.amount FROM " + pt + ".point_transactions t WHERE "
                        + "  t.idempotency_key = CONCAT('ORDER:', p.reference_id, ':CHARGE'))"
                        + " WHEN 'CREDIT_TOPUP' THEN (SELECT c.amount_minor FROM " + cr + ".credit_purchases c WHERE "
                        + "  c.id = p.reference_id AND c.status = 'COMPLETED') END,"
                        + "CASE p.purpose WHEN 'CREDIT_TOPUP' THEN (SELECT COALESCE(SUM(l.amount_minor), 0) FROM " + cr
                        + ".refund_logs l WHERE l.purchase_id = p.reference_id AND l.status = 'COMPLETED') ELSE 0 END "
                        + "FROM " + pay + ".payments p WHERE p.user_id >= ? AND p.approved_amount IS NOT NULL",
                base);
        Map<String, long[]> byPurpose = new TreeMap<>(); // approved, credited, given back, payments
        List<String> wrong = new ArrayList<>();
        for (List<Object> row : payments) {
            String purpose = (String) row.get(1);
            long approved = ((Number) row.get(2)).longValue();
            long cancelled = ((Number) row.get(3)).longValue();
            Long credited = row.get(4) == null ? null : ((Number) row.get(4)).longValue();
            long refunded = ((Number) row.get(5)).longValue();
            long[] sums = byPurpose.computeIfAbsent(purpose, k -> new long[4]);
            sums[0] += approved;
            sums[1] += credited == null ? 0 : credited;
            sums[2] += cancelled;
            sums[3]++;
            boolean ok = credited == null ? cancelled == approved : credited == approved && cancelled == refunded;
            if (!ok) {
                wrong.add("payment " + row.get(0) + " " + purpose + " approved " + approved + " credited " + credited
                        + " given back " + cancelled);
            }
        }
        r.section("Money (payment_service approvals of the run, in KRW for points and cents for credits)");
        byPurpose.forEach((k, s) -> r.line(
                "%-13s %5d approved payments: approved %,d = credited %,d + given back " + "%,d%s",
                k, s[3], s[0], s[1], s[2], s[0] == s[1] + s[2] ? "" : "  MISMATCH"));
        long unpaid = count(
                        "SELECT COUNT(*) FROM " + pt + ".point_transactions t WHERE t.user_id >= ? AND "
                                + "t.transaction_type = 'CHARGE' AND NOT EXISTS (SELECT 1 FROM " + pay
                                + ".payments p WHERE "
                                + "p.reference_id = t.reference_id AND p.approved_amount = t.amount AND p.purpose = CASE "
                                + "t.reference_type WHEN 'ORDER' THEN 'ORDER_CHARGE' ELSE 'POINT_CHARGE' END)",
                        base)
                + count(
                        "SELECT COUNT(*) FROM " + cr + ".credit_purchases c WHERE c.user_id >= ? AND c.status = "
                                + "'COMPLETED' AND NOT EXISTS (SELECT 1 FROM " + pay + ".payments p WHERE p.purpose = "
                                + "'CREDIT_TOPUP' AND p.reference_id = c.id AND p.approved_amount = c.amount_minor)",
                        base);
        r.check(
                "PG-approved money = money credited or given back (per payment), every credit paid for",
                wrong.isEmpty() && unpaid == 0,
                payments.size() + " approved payments"
                        + (wrong.isEmpty() ? "" : "; " + wrong.size() + " wrong: " + first(wrong))
                        + (unpaid == 0 ? "" : "; " + unpaid + " credits without an approved payment"));
    }

    /**
     * The PG's own view (its request journal): each confirm it approved (200) for the run's keys is an approval
     * payment-service recorded, for its amount; and each approval payment-service recorded is one the PG gave, by a
     * confirm or by a status query answered DONE (the mock PG keeps no state: it answers DONE for any approving key,
     * also one whose confirm was never sent, e.g. while payment-service's circuit breaker was open).
     */
    private void pgJournal(Report r, Api api, long runId) throws Exception {
        String url = stack.pgJournalUrl();
        if (url == null) {
            r.line("PG request journal: not kept by this mock PG; the money check uses payment_service's records");
            return;
        }
        Api.Answer a = api.send("GET", url, null, null, null);
        Map<String, Long> confirmedByPg = new HashMap<>();
        Set<String> doneByStatus = new HashSet<>();
        long confirms = 0;
        String tag = "chaos" + runId;
        for (JsonNode e : a.json().path("requests")) {
            JsonNode request = e.path("request");
            String path = request.path("url").asText();
            int status = e.path("response")
                    .path("status")
                    .asInt(e.path("responseDefinition").path("status").asInt());
            if ("POST".equals(request.path("method").asText()) && "/v1/payments/confirm".equals(path)) {
                JsonNode body = Api.JSON.readTree(request.path("body").asText("{}"));
                String key = body.path("paymentKey").asText();
                if (key.contains(tag)) {
                    confirms++;
                    if (status == 200) {
                        confirmedByPg.put(key, body.path("amount").asLong());
                    }
                }
            } else if ("GET".equals(request.path("method").asText())
                    && path.startsWith("/v1/payments/")
                    && path.contains(tag)
                    && status == 200) {
                String key = path.substring("/v1/payments/".length());
                String answer = e.path("response").path("body").asText("");
                if (answer.contains("\"DONE\"") || answer.isEmpty() && !key.startsWith("pk_decline_")) {
                    doneByStatus.add(key);
                }
            }
        }
        Map<String, Long> recorded = new HashMap<>();
        for (List<Object> row : rows(
                "SELECT pg_payment_id, approved_amount FROM " + pay + ".payments WHERE "
                        + "approved_amount IS NOT NULL AND pg_payment_id LIKE ?",
                "%" + tag + "%")) {
            recorded.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        List<String> unrecorded = confirmedByPg.entrySet().stream()
                .filter(e -> !e.getValue().equals(recorded.get(e.getKey())))
                .map(Map.Entry::getKey)
                .toList();
        List<String> notApproved = recorded.keySet().stream()
                .filter(k -> !confirmedByPg.containsKey(k) && !doneByStatus.contains(k))
                .toList();
        long byStatusOnly = recorded.keySet().stream()
                .filter(k -> !confirmedByPg.containsKey(k))
                .count();
        r.line(
                "PG request journal: %d confirm calls for the run's keys, %d keys approved by a confirm, %d approvals "
                        + "recorded by payment-service (%d of them settled by a status query without an approved confirm)",
                confirms, confirmedByPg.size(), recorded.size(), byStatusOnly);
        r.check(
                "every approval the PG gave (its request journal) is recorded by payment-service, for its amount, "
                        + "and payment-service records no other",
                a.ok() && unrecorded.isEmpty() && notApproved.isEmpty(),
                (a.ok() ? "" : "journal unreadable: " + a.status() + "; ")
                        + (unrecorded.isEmpty() ? "" : unrecorded.size() + " unrecorded: " + first(unrecorded))
                        + (notApproved.isEmpty()
                                ? ""
                                : " " + notApproved.size() + " not approved by the PG: " + first(notApproved)));
    }

    private void parkedAndDeadLetters(Report r, Timestamp start, LocalDateTime startTime, Api api, long admin)
            throws SQLException {
        r.section("Messaging");
        Map<String, Long> parked = new TreeMap<>();
        Map<String, Long> letters = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        Instant since = startTime.toInstant(ZoneOffset.UTC);
        for (String s : Stack.SERVICES) {
            parked.put(
                    s,
                    count(
                            "SELECT COUNT(*) FROM " + stack.schema(s) + ".outbox_event WHERE status = 'FAILED' "
                                    + "AND created_at >= ?",
                            start));
            Api.Answer a = api.admin(
                    admin,
                    "GET",
                    "http://127.0.0.1:" + stack.servicePort(s) + "/v1/admin/messaging/dead-letters?limit=500",
                    null);
            if (!a.ok()) {
                unreadable.add(s + " " + a.status());
                continue;
            }
            long n = 0;
            for (JsonNode l : a.json().path("items")) {
                String at = l.path("dead_lettered_at").asText("");
                if (at.isEmpty() || !Instant.parse(at).isBefore(since)) {
                    n++;
                }
            }
            letters.put(s, n);
        }
        r.line("parked outbox rows created during the run: %s", parked);
        r.line(
                "dead letters written during the run: %s%s",
                letters, unreadable.isEmpty() ? "" : "; unreadable: " + unreadable);
        long p = parked.values().stream().mapToLong(Long::longValue).sum();
        long d = letters.values().stream().mapToLong(Long::longValue).sum();
        r.check("no parked outbox row", p == 0, p + " parked");
        r.check(
                "no dead letter",
                d == 0 && unreadable.isEmpty(),
                d + " dead letters" + (unreadable.isEmpty() ? "" : "; could not read " + unreadable));
    }

    // ------------------------------------------------------------------------------------------------ SQL

    private static void ledger(Report r, String name, Map<String, Long> violations) {
        long total = violations.values().stream().mapToLong(Long::longValue).sum();
        r.check(
                name,
                total == 0,
                total == 0
                        ? ""
                        : violations.entrySet().stream()
                                .filter(e -> e.getValue() != 0)
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining(", ")));
    }

    private static String first(List<String> items) {
        return items.size() <= 5 ? items.toString() : items.subList(0, 5) + " ...";
    }

    long count(String sql, Object... params) throws SQLException {
        return ((Number) rows(sql, params).getFirst().getFirst()).longValue();
    }

    List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int c = 1; c <= n; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
