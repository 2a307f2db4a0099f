package com.creatorcommerce.chaos;

import com.creatorcommerce.chaos.Api.Answer;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One chaos run: a bounded mixed load through the gateway (orders with a coupon and a charge, point charges, coupon
 * first-come races, credit purchases, donations with a top-up, cancels of completed orders) while the faults kill
 * components one after the other (SIGKILL) and bring them back; then it waits for the platform to come to rest and
 * checks what the databases and the dead-letter topics say ({@link Checks}).
 */
public final class ChaosRun {

    /** What to run. */
    public record Config(
            Duration load,
            double ratePerSecond,
            int maxInFlight,
            List<String> faults,
            Duration warmup,
            Duration downtime,
            Duration raceInterval,
            Duration quiesceTimeout,
            Duration retryBudget,
            Duration grace) {

        public static Config of(Duration load, List<String> faults) {
            return new Config(
                    load,
                    6,
                    24,
                    faults,
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(6),
                    Duration.ofSeconds(90),
                    Duration.ofSeconds(60));
        }

        public Config withRate(double rate) {
            return new Config(
                    load,
                    rate,
                    maxInFlight,
                    faults,
                    warmup,
                    downtime,
                    raceInterval,
                    quiesceTimeout,
                    retryBudget,
                    grace);
        }

        public Config withQuiesceTimeout(Duration timeout) {
            return new Config(
                    load,
                    ratePerSecond,
                    maxInFlight,
                    faults,
                    warmup,
                    downtime,
                    raceInterval,
                    timeout,
                    retryBudget,
                    grace);
        }
    }

    /** What one kind of request did: logical requests sent, accepted (2xx), refused (4xx, by code), unknown. */
    static final class Kind {
        final String name;
        final LongAdder sent = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder unknown = new LongAdder();
        final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

        Kind(String name) {
            this.name = name;
        }

        /** Counts the answer; true when accepted. */
        boolean count(Answer a) {
            sent.increment();
            if (a.ok()) {
                accepted.increment();
                return true;
            }
            if (a.status() < 0
                    || a.status() >= 500
                    || a.status() == 429
                    || "IDEMPOTENCY_KEY_IN_PROGRESS".equals(a.code())) {
                unknown.increment();
            } else {
                refused.computeIfAbsent(a.status() + " " + a.code(), k -> new LongAdder())
                        .increment();
            }
            return false;
        }
    }

    /** An order the load placed (the DB is searched by user and Idempotency-Key, whatever the answer was). */
    static final class Order {
        final long user;
        final String key;
        final boolean approve;
        final boolean wantsCancel;
        final long placedAtNanos = System.nanoTime();
        volatile String id;
        volatile boolean accepted;
        volatile boolean cancelDone; // a cancel was asked for (accepted) or is no longer possible
        volatile boolean cancelAccepted;

        Order(long user, String key, boolean approve, boolean wantsCancel) {
            this.user = user;
            this.key = key;
            this.approve = approve;
            this.wantsCancel = wantsCancel;
        }
    }

    /** A payment the load asked for (point charge confirm, credit purchase, donation top-up), by its payment key. */
    record Paid(String kind, long user, String paymentKey, String idempotencyKey, boolean approve, boolean accepted) {}

    /** A coupon raced for: how many issue requests the clients saw succeed. */
    record Race(String couponId, int total, int users, int issued) {}

    /** A component killed and brought back. */
    record Fault(
            String component, long pid, Instant killedAt, double downSeconds, double restartSeconds, String error) {}

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Stack stack;
    private final Config config;
    private final PrintStream out;
    private final Api api;
    private final long runId = System.currentTimeMillis();
    private final long userBase = runId * 100;
    private final long admin = userBase + 99;
    private final AtomicLong freshUsers = new AtomicLong(userBase + 1_000);
    private final Map<String, Kind> kinds = new TreeMap<>();
    final Queue<Order> orders = new ConcurrentLinkedQueue<>();
    final Queue<Paid> paid = new ConcurrentLinkedQueue<>();
    final Queue<Race> races = new ConcurrentLinkedQueue<>();
    final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean loadRunning = new AtomicBoolean(true);
    private final LongAdder skipped = new LongAdder();
    private String optionId;
    private String orderCouponId;

    public ChaosRun(Stack stack, Config config, PrintStream out) {
        this.stack = stack;
        this.config = config;
        this.out = out;
        this.api = new Api(stack.gatewayUrl(), config.retryBudget());
        for (String k : List.of(
                "order",
                "order-cancel",
                "point-charge",
                "coupon-race",
                "credit-purchase",
                "donation-top-up",
                "coupon-issue")) {
            kinds.put(k, new Kind(k));
        }
    }

    /** Runs load, faults, the wait for rest and the checks; returns the report (its last line: N passed, M failed). */
    public Report run() throws Exception {
        try (Checks checks = new Checks(stack, userBase, config.grace())) {
            LocalDateTime dbStart = checks.databaseNow();
            log(
                    "run %d: users from %d, load %ds at %.1f/s (in flight <= %d), faults %s",
                    runId,
                    userBase,
                    config.load().toSeconds(),
                    config.ratePerSecond(),
                    config.maxInFlight(),
                    config.faults());
            setUp();
            long loadStarted = System.nanoTime();
            ExecutorService ops = Executors.newVirtualThreadPerTaskExecutor();
            Thread faultThread = Thread.ofPlatform().name("chaos-faults").start(this::injectFaults);
            Thread canceller = Thread.ofVirtual().name("chaos-canceller").start(() -> cancelLoop(ops));
            Thread racer = Thread.ofVirtual().name("chaos-racer").start(() -> raceLoop(ops));
            drive(ops, loadStarted, faultThread);
            loadRunning.set(false);
            canceller.join();
            racer.join();
            ops.shutdown();
            if (!ops.awaitTermination(config.retryBudget().toSeconds() + 60, TimeUnit.SECONDS)) {
                log("requests still in flight after the retry budget: stopping them");
                ops.shutdownNow();
            }
            double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
            log(
                    "load stopped after %.0f s; waiting up to %d s for the platform to come to rest",
                    loadSeconds, config.quiesceTimeout().toSeconds());
            long quiesceStarted = System.nanoTime();
            long pending = checks.awaitRest(dbStart, config.quiesceTimeout(), this::log);
            double restSeconds = (System.nanoTime() - quiesceStarted) / 1e9;
            Report report = new Report();
            summarize(report, loadSeconds, restSeconds, pending);
            checks.all(report, dbStart, this, api, admin);
            return report;
        }
    }

    // ------------------------------------------------------------------------------------------------ load

    private void setUp() {
        Answer product = api.admin(admin, "POST", "/v1/admin/products", """
                {"product_name": "chaos tee %d", "base_price": 10000, "is_active": true, "options": [
                  {"option_name": "M", "sku": "CHAOS-%d", "additional_price": 0, "stock_quantity": 100000}]}""".formatted(runId, runId));
        require(product, "create the chaos product");
        optionId = product.json().path("options").get(0).path("id").asText();
        orderCouponId = createCoupon("chaos orders " + runId, 1_000_000);
        log("product option %s (stock 100000, 10,000 KRW), order coupon %s (3,000 KRW off)", optionId, orderCouponId);
    }

    private String createCoupon(String name, int total) {
        Instant now = Instant.now();
        Answer coupon = api.admin(admin, "POST", "/v1/admin/coupons", """
                {"coupon_name": "%s", "discount_type": "FIXED", "discount_value": 3000, "min_order_amount": 0,
                 "total_quantity": %d, "valid_from": "%s", "valid_until": "%s", "is_active": true}""".formatted(
                        name, total, now.minusSeconds(3_600), now.plusSeconds(86_400)));
        require(coupon, "create coupon " + name);
        return coupon.text("id");
    }

    private static void require(Answer a, String what) {
        if (!a.ok()) {
            throw new IllegalStateException("Could not " + what + ": " + a.status() + " " + a.body());
        }
    }

    private void drive(ExecutorService ops, long started, Thread faultThread) throws InterruptedException {
        Semaphore inFlight = new Semaphore(config.maxInFlight());
        long intervalNanos = (long) (1e9 / config.ratePerSecond());
        long next = System.nanoTime();
        long end = started + config.load().toNanos();
        long lastLog = started;
        while (System.nanoTime() < end || faultThread.isAlive()) {
            long now = System.nanoTime();
            if (now < next) {
                TimeUnit.NANOSECONDS.sleep(Math.min(next - now, 50_000_000));
                continue;
            }
            next += intervalNanos;
            if (!inFlight.tryAcquire()) {
                skipped.increment(); // the rate is an upper bound: no pile-up while a component is down
                continue;
            }
            ops.submit(() -> {
                try {
                    oneOperation();
                } catch (RuntimeException e) {
                    log("operation failed: %s", e);
                } finally {
                    inFlight.release();
                }
            });
            if (now - lastLog > 30_000_000_000L) {
                lastLog = now;
                log("load: %s", progress());
            }
        }
    }

    private String progress() {
        StringBuilder b = new StringBuilder();
        kinds.values()
                .forEach(k -> b.append(k.name)
                        .append(' ')
                        .append(k.accepted.sum())
                        .append('/')
                        .append(k.sent.sum())
                        .append("  "));
        return b.toString().trim();
    }

    private void oneOperation() {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 35) {
            placeOrder();
        } else if (dice < 60) {
            chargePoints();
        } else if (dice < 80) {
            buyCredits();
        } else {
            donate();
        }
    }

    private static boolean approve() {
        return ThreadLocalRandom.current().nextInt(10) != 0; // one in ten payments is declined by the PG
    }

    /**
     * An approving key: one in twenty answers after 5 s ({@code pk_slow_}), past payment-service's 3 s limit, so its
     * outcome is unknown until the reconciliation job asks the PG (ADR 7).
     */
    private String paymentKey(boolean approve, String what, long user) {
        String prefix =
                !approve ? "pk_decline_" : ThreadLocalRandom.current().nextInt(20) == 0 ? "pk_slow_" : "pk_approve_";
        return prefix + "chaos" + runId + what + user;
    }

    /** A fresh user takes the order coupon, then orders one 10,000 KRW tee with it, buying 10,000 points on the way. */
    private void placeOrder() {
        long user = freshUsers.incrementAndGet();
        Answer issued = api.post(user, "/v1/coupons/" + orderCouponId + "/issue", null, null);
        kinds.get("coupon-issue").count(issued);
        String userCoupon = issued.ok() ? issued.text("id") : null;
        boolean approve = approve();
        Order order = new Order(
                user,
                "chaos-" + runId + "-order-" + user,
                approve,
                ThreadLocalRandom.current().nextInt(100) < 35);
        orders.add(order);
        String body = """
                {"items": [{"product_option_id": "%s", "quantity": 1}],%s
                 "charge": {"amount": 10000, "payment_key": "%s"}}""".formatted(
                        optionId,
                        userCoupon == null ? "" : " \"user_coupon_id\": \"" + userCoupon + "\",",
                        paymentKey(approve, "o", user));
        Answer placed = api.post(user, "/v1/orders", order.key, body);
        if (kinds.get("order").count(placed)) {
            order.id = placed.text("id");
            order.accepted = true;
        }
    }

    private void chargePoints() {
        long user = freshUsers.incrementAndGet();
        Answer created =
                api.post(user, "/v1/points/charges", "chaos-" + runId + "-charge-" + user, "{\"amount\": 5000}");
        if (!created.ok()) {
            kinds.get("point-charge").count(created);
            return; // nothing to confirm: the request never got an id
        }
        boolean approve = approve();
        String key = paymentKey(approve, "p", user);
        Answer confirmed = api.post(
                user,
                "/v1/points/charges/" + created.text("id") + "/confirm",
                "chaos-" + runId + "-confirm-" + user,
                "{\"payment_key\": \"" + key + "\"}");
        boolean accepted = kinds.get("point-charge").count(confirmed);
        paid.add(new Paid("point-charge", user, key, null, approve, accepted));
    }

    /** Thirty wallets buy again and again (contention on each wallet). */
    private void buyCredits() {
        long user = userBase + 1 + ThreadLocalRandom.current().nextInt(30);
        boolean approve = approve();
        String key = paymentKey(approve, "c" + System.nanoTime() + "u", user);
        Answer bought = api.post(user, "/v1/credits/purchase", null, """
                {"package_id": "starter_100", "payment_method": "card", "payment_token": "%s"}""".formatted(key));
        boolean accepted = kinds.get("credit-purchase").count(bought);
        paid.add(new Paid("credit-purchase", user, key, null, approve, accepted));
    }

    /** A fresh fan tops up 100 credits and gives 30 to one of five creators, in one call. */
    private void donate() {
        long user = freshUsers.incrementAndGet();
        long creator = userBase + 31 + ThreadLocalRandom.current().nextInt(5);
        boolean approve = approve();
        String key = paymentKey(approve, "d", user);
        String idem = "chaos-" + runId + "-donation-" + user;
        Answer donated = api.post(user, "/v1/donations", idem, """
                {"creator_id": "%d", "credits": 30, "message": "chaos run",
                 "top_up": {"package_id": "starter_100", "payment_token": "%s"}}""".formatted(creator, key));
        boolean accepted = kinds.get("donation-top-up").count(donated);
        paid.add(new Paid("donation-top-up", user, key, idem, approve, accepted));
    }

    /** Completed orders picked for cancellation are cancelled by their owner. */
    private void cancelLoop(ExecutorService ops) {
        while (loadRunning.get()) {
            int asked = 0;
            for (Order o : orders) {
                if (!o.wantsCancel
                        || o.cancelDone
                        || o.id == null
                        || asked >= 8
                        || System.nanoTime() - o.placedAtNanos < 3_000_000_000L) {
                    continue;
                }
                Answer a = api.get(o.user, "/v1/orders/" + o.id);
                String status = a.ok() ? a.text("status") : "";
                if ("CANCELLED".equals(status)) {
                    o.cancelDone = true; // the checkout failed: nothing to cancel
                } else if ("COMPLETED".equals(status)) {
                    asked++;
                    o.cancelDone = true;
                    ops.submit(() -> {
                        Answer c = api.post(o.user, "/v1/orders/" + o.id + "/cancel", null, null);
                        o.cancelAccepted = kinds.get("order-cancel").count(c);
                    });
                }
            }
            sleep(2_000);
        }
    }

    /** Every raceInterval a coupon of 10 is raced for by 25 fresh users at once. */
    private void raceLoop(ExecutorService ops) {
        sleep(5_000);
        while (loadRunning.get()) {
            try {
                int total = 10;
                int users = 25;
                String coupon = createCoupon("chaos race " + runId + "-" + races.size(), total);
                LongAdder issued = new LongAdder();
                List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    long user = freshUsers.incrementAndGet();
                    calls.add(ops.submit(() -> {
                        Answer a = api.post(user, "/v1/coupons/" + coupon + "/issue", null, null);
                        if (kinds.get("coupon-race").count(a)) {
                            issued.increment();
                        }
                    }));
                }
                for (var c : calls) {
                    c.get();
                }
                races.add(new Race(coupon, total, users, issued.intValue()));
            } catch (Exception e) {
                log("coupon race skipped: %s", e.getMessage());
            }
            sleepWhileLoad(config.raceInterval().toMillis());
        }
    }

    // ------------------------------------------------------------------------------------------------ faults

    private void injectFaults() {
        sleep(config.warmup().toMillis());
        List<String> plan = config.faults();
        long spacing = plan.isEmpty()
                ? 0
                : Math.max(0, (config.load().toMillis() - config.warmup().toMillis()) / plan.size());
        for (String component : plan) {
            long started = System.currentTimeMillis();
            Instant killedAt = Instant.now();
            long pid = -1;
            String error = null;
            double down = 0;
            double restart = 0;
            try {
                pid = stack.kill(component);
                log("FAULT kill -9 %s (pid %d)", component, pid);
                sleep(config.downtime().toMillis());
                long restartAt = System.nanoTime();
                stack.restart(component);
                restart = (System.nanoTime() - restartAt) / 1e9;
                down = (System.currentTimeMillis() - started) / 1e3;
                log("FAULT %s back after %.0f s (restart took %.0f s)", component, down, restart);
            } catch (Exception e) {
                error = e.toString();
                log("FAULT %s: %s", component, error);
            }
            faults.add(new Fault(component, pid, killedAt, down, restart, error));
            long rest = spacing - (System.currentTimeMillis() - started);
            sleep(Math.max(rest, 15_000)); // let the platform catch up before the next fault
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private void summarize(Report r, double loadSeconds, double restSeconds, long pending) {
        r.section("Load");
        long sent = 0;
        long accepted = 0;
        for (Kind k : kinds.values()) {
            sent += k.sent.sum();
            accepted += k.accepted.sum();
            r.line(
                    "%-16s sent %5d  accepted %5d  refused %s  unknown outcome %d",
                    k.name,
                    k.sent.sum(),
                    k.accepted.sum(),
                    k.refused.isEmpty() ? "0" : new TreeMap<>(k.refused).toString(),
                    k.unknown.sum());
        }
        r.line(
                "requests: %d sent, %d accepted in %.0f s (%.1f/s; operations started at up to %.1f/s, %d skipped "
                        + "while %d were in flight); %d HTTP calls, %d of them resent with the same key after no answer or "
                        + "429/5xx, %d answers 5xx (%d of them 500)",
                sent,
                accepted,
                loadSeconds,
                sent / Math.max(loadSeconds, 1),
                config.ratePerSecond(),
                skipped.sum(),
                config.maxInFlight(),
                api.httpCalls.sum(),
                api.retries.sum(),
                api.serverErrors.sum(),
                api.internalErrors.sum());
        r.section("Faults");
        for (Fault f : faults) {
            r.line(
                    "%s kill -9 %-16s pid %-8d %s",
                    TIME.format(f.killedAt()),
                    f.component(),
                    f.pid(),
                    f.error() == null
                            ? "back after %.0f s (restart %.0f s)".formatted(f.downSeconds(), f.restartSeconds())
                            : "FAILED: " + f.error());
        }
        r.line(
                "rest reached after %.0f s (%s)",
                restSeconds, pending == 0 ? "nothing pending" : pending + " items still pending");
        r.setLoad(sent, accepted, faults.size());
        r.check(
                "load ran: every kind of request was accepted at least once",
                kinds.values().stream().allMatch(k -> k.accepted.sum() > 0),
                progress());
        r.check(
                "every fault was injected and recovered from",
                faults.size() == config.faults().size() && faults.stream().allMatch(f -> f.error() == null),
                faults.size() + " of " + config.faults().size() + " faults");
        r.check(
                "no 500 answer (a refusal is a 4xx problem, an outage a 502/503/504)",
                api.internalErrors.sum() == 0,
                api.internalErrors.sum() + " answers 500");
    }

    long runId() {
        return runId;
    }

    long userBase() {
        return userBase;
    }

    String orderCouponId() {
        return orderCouponId;
    }

    void log(String format, Object... args) {
        out.printf(
                "[chaos %s] %s%n", TIME.format(Instant.now()), args.length == 0 ? format : String.format(format, args));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleepWhileLoad(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (loadRunning.get() && System.currentTimeMillis() < end) {
            sleep(500);
        }
    }
}
