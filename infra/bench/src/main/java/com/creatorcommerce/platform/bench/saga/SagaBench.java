package com.creatorcommerce.platform.bench.saga;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load harness of the charge-then-order saga (issue 12) against running services: order-service (POST /v1/orders),
 * coupon-, point- and payment-service with the mock PG behind it. Each order buys its price in points with a
 * {@code pk_approve_} payment and pays with them: reserve stock (local) → confirm payment (payment-service → PG) →
 * credit the points (point-service) → use them (point-service) → COMPLETED.
 *
 * <p>Open loop: stages of a fixed arrival rate (the ramp, e.g. 50, 100, ... orders/s), each for a fixed time, then a
 * drain (bounded) until the stage's orders have ended. Per stage it prints the orders offered and accepted, the
 * completed sagas per second (completions inside the stage window / its length), and p50 / p99 / max from the
 * client's POST to the order's {@code completed_at} (same host, same clock), read from order-service's database; then
 * where the time went, from the saga step log ({@code logged_at}, the database clock): POST → saga started, each
 * remote step from command sent to reply applied (outbox relay + broker + participant + its relay + broker + the
 * reply's transaction), and the last reply → COMPLETED. It stops by itself: after the last stage, or at the first
 * stage that is saturated (fewer than 90 % of its orders completed in the window + drain, or p99 over 5 s).
 *
 * <p>Only the JDK and a JDBC driver: it runs from source, {@code java -cp mariadb-java-client.jar SagaBench.java}
 * (see {@code infra/bench/saga-bench.sh}, which starts and stops the services for it). Loopback only.
 */
public final class SagaBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern OPTION_ID = Pattern.compile("\"product_option_id\"\\s*:\\s*\"(\\d+)\"");
    private static final String ISSUER = "https://auth.creatorcommerce.local";
    private static final String AUDIENCE = "creator-commerce";

    private final Map<String, String> args;
    private final String orderUrl;
    private final HttpClient http;
    private final String secret;
    private final Map<Long, String> tokens = new ConcurrentHashMap<>();
    private final long price;
    private final int users;
    private final long userBase = 700_000_000L + ThreadLocalRandom.current().nextInt(1_000_000) * 1000L;
    private List<Long> options = List.of();

    private SagaBench(Map<String, String> args) {
        this.args = args;
        this.orderUrl = args.getOrDefault("order", "http://127.0.0.1:18081");
        this.secret = args.getOrDefault("secret", "dev-only-secret-change-me-0123456789abcdef");
        this.price = Long.parseLong(args.getOrDefault("price", "5000"));
        this.users = Integer.parseInt(args.getOrDefault("users", "20000"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            if (a.startsWith("--") && a.contains("=")) {
                args.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        new SagaBench(args).run();
        System.exit(0);
    }

    /** One stage's orders: id → POST sent (epoch µs). */
    record Posted(long orderId, long postedMicros) {}

    record StageResult(
            int rate,
            int offered,
            int accepted,
            int rejected,
            int completed,
            int cancelled,
            int pending,
            double completedPerSecond,
            long p50,
            long p99,
            long max,
            boolean saturated) {}

    private void run() throws Exception {
        String db = args.getOrDefault("db", "jdbc:mariadb://127.0.0.1:3306/sagabench_order");
        int stageSeconds = Integer.parseInt(args.getOrDefault("stage-seconds", "20"));
        int drainSeconds = Integer.parseInt(args.getOrDefault("drain-seconds", "20"));
        int warmupSeconds = Integer.parseInt(args.getOrDefault("warmup-seconds", "20"));
        int warmupRate = Integer.parseInt(args.getOrDefault("warmup-rate", "40"));
        List<Integer> rates = new ArrayList<>();
        for (String r : args.getOrDefault("rates", "50,100,150,200,250,300,400").split(",")) {
            rates.add(Integer.parseInt(r.trim()));
        }
        try (Connection c = DriverManager.getConnection(
                db, args.getOrDefault("db-user", "root"), args.getOrDefault("db-password", ""))) {
            options = createCatalog(Integer.parseInt(args.getOrDefault("options", "40")));
            System.out.printf(
                    Locale.ROOT,
                    "catalog: %d options of price %d, stock 1,000,000 each; users: %d%n",
                    options.size(),
                    price,
                    users);
            System.out.printf(Locale.ROOT, "warm-up: %d orders/s for %d s (not reported)%n", warmupRate, warmupSeconds);
            List<Posted> warm = stage(warmupRate, warmupSeconds);
            drain(c, warm, drainSeconds);
            System.out.println();
            System.out.println("rate/s  offered accepted  http!=202 completed cancelled pending  completed/s"
                    + "   p50 ms   p99 ms   max ms");
            List<StageResult> results = new ArrayList<>();
            Map<Integer, List<Posted>> byRate = new LinkedHashMap<>();
            for (int rate : rates) {
                long t0 = micros();
                List<Posted> posted = stage(rate, stageSeconds);
                long t1 = micros();
                drain(c, posted, drainSeconds);
                StageResult r = result(c, rate, posted, t0, t1, stageSeconds);
                results.add(r);
                byRate.put(rate, posted);
                System.out.printf(
                        Locale.ROOT,
                        "%6d %8d %8d %10d %9d %9d %7d %12.1f %8.1f %8.1f %8.1f%s%n",
                        r.rate(),
                        r.offered(),
                        r.accepted(),
                        r.rejected(),
                        r.completed(),
                        r.cancelled(),
                        r.pending(),
                        r.completedPerSecond(),
                        r.p50() / 1000.0,
                        r.p99() / 1000.0,
                        r.max() / 1000.0,
                        r.saturated() ? "   <- saturated" : "");
                if (r.saturated()) {
                    break;
                }
            }
            StageResult best = results.stream()
                    .filter(r -> !r.saturated())
                    .max((a, b) -> Double.compare(a.completedPerSecond(), b.completedPerSecond()))
                    .orElse(null);
            System.out.println();
            if (best != null) {
                System.out.printf(
                        Locale.ROOT,
                        "best unsaturated stage: %d offered/s -> %.1f completed sagas/s, "
                                + "p50 %.1f ms, p99 %.1f ms%n",
                        best.rate(),
                        best.completedPerSecond(),
                        best.p50() / 1000.0,
                        best.p99() / 1000.0);
                breakdown(c, byRate.get(best.rate()), "where the time goes at " + best.rate() + " orders/s");
            }
            StageResult last = results.getLast();
            if (last != best) {
                breakdown(c, byRate.get(last.rate()), "where the time goes at " + last.rate() + " orders/s (last)");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ load

    /** Sends {@code rate} orders per second for {@code seconds}, open loop; answers the accepted ones. */
    private List<Posted> stage(int rate, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Posted> posted = new ConcurrentLinkedQueue<>();
        AtomicInteger rejected = new AtomicInteger();
        int total = rate * seconds;
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1_000_000_000.0 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                senders.submit(() -> {
                    try {
                        Posted p = placeOrder();
                        if (p == null) {
                            rejected.incrementAndGet();
                        } else {
                            posted.add(p);
                        }
                    } catch (RuntimeException e) {
                        rejected.incrementAndGet();
                    }
                });
            }
        }
        rejectedLast = rejected.get();
        return new ArrayList<>(posted);
    }

    private volatile int rejectedLast;

    private Posted placeOrder() {
        long user = userBase + ThreadLocalRandom.current().nextInt(users);
        long option = options.get(ThreadLocalRandom.current().nextInt(options.size()));
        String body = "{\"items\":[{\"product_option_id\":\"" + option + "\",\"quantity\":1}],\"charge\":{\"amount\":"
                + price + ",\"payment_key\":\"pk_approve_"
                + UUID.randomUUID().toString().replace("-", "") + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(orderUrl + "/v1/orders"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user, "USER"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long sent = micros();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                if (ThreadLocalRandom.current().nextInt(50) == 0) {
                    System.err.println("POST /v1/orders " + response.statusCode() + ": " + response.body());
                }
                return null;
            }
            Matcher m = ID.matcher(response.body());
            return m.find() ? new Posted(Long.parseLong(m.group(1)), sent) : null;
        } catch (Exception e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ results

    /** Waits (at most {@code seconds}) until none of the orders is PENDING. */
    private static void drain(Connection c, List<Posted> posted, int seconds) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline && pending(c, posted) > 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    private static int pending(Connection c, List<Posted> posted) throws SQLException {
        if (posted.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (List<Posted> chunk : chunks(posted)) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT COUNT(*) FROM orders WHERE order_status = 'PENDING' AND order_id IN (" + ids(chunk)
                                    + ")")) {
                rs.next();
                n += rs.getInt(1);
            }
        }
        return n;
    }

    private StageResult result(Connection c, int rate, List<Posted> posted, long t0, long t1, int seconds)
            throws SQLException {
        Map<Long, Long> sentAt = new HashMap<>();
        posted.forEach(p -> sentAt.put(p.orderId(), p.postedMicros()));
        List<Long> latencies = new ArrayList<>();
        int completed = 0;
        int cancelled = 0;
        int pending = 0;
        int inWindow = 0;
        for (List<Posted> chunk : chunks(posted)) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT order_id, order_status, "
                            + "completed_at FROM orders WHERE order_id IN (" + ids(chunk) + ")")) {
                while (rs.next()) {
                    switch (rs.getString(2)) {
                        case "COMPLETED" -> {
                            completed++;
                            long done = micros(rs.getObject(3, LocalDateTime.class));
                            latencies.add(done - sentAt.get(rs.getLong(1)));
                            if (done <= t1) {
                                inWindow++;
                            }
                        }
                        case "CANCELLED" -> cancelled++;
                        default -> pending++;
                    }
                }
            }
        }
        latencies.sort(null);
        double perSecond = inWindow / ((t1 - t0) / 1_000_000.0);
        long p50 = percentile(latencies, 0.50);
        long p99 = percentile(latencies, 0.99);
        int offered = rate * seconds;
        boolean saturated = completed < 0.9 * offered || p99 > 5_000_000 || pending > 0;
        return new StageResult(
                rate,
                offered,
                posted.size(),
                rejectedLast,
                completed,
                cancelled,
                pending,
                perSecond,
                p50,
                p99,
                latencies.isEmpty() ? 0 : latencies.getLast(),
                saturated);
    }

    /**
     * Where the time of the stage's completed sagas went, from their step logs (database clock): POST → STARTED,
     * COMMAND_SENT → REPLY per remote step, REPLY → next COMMAND_SENT (local work between), last REPLY → COMPLETED.
     */
    private static void breakdown(Connection c, List<Posted> posted, String title) throws SQLException {
        Map<Long, Long> sentAt = new HashMap<>();
        posted.forEach(p -> sentAt.put(p.orderId(), p.postedMicros()));
        Map<String, List<Long>> spans = new LinkedHashMap<>();
        for (List<Posted> chunk : chunks(posted)) {
            String sql = "SELECT o.order_id, l.step, l.event, l.logged_at FROM orders o JOIN saga_step_log l "
                    + "ON l.saga_id = o.checkout_saga_id WHERE o.order_status = 'COMPLETED' AND o.order_id IN ("
                    + ids(chunk) + ") ORDER BY o.order_id, l.seq";
            try (PreparedStatement s = c.prepareStatement(sql);
                    ResultSet rs = s.executeQuery()) {
                long order = -1;
                long last = 0;
                String lastEvent = null;
                Map<String, Long> sentByStep = new HashMap<>();
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String step = rs.getString(2);
                    String event = rs.getString(3);
                    long at = micros(rs.getObject(4, LocalDateTime.class));
                    if (id != order) {
                        order = id;
                        sentByStep.clear();
                        last = sentAt.get(id);
                        lastEvent = "POST";
                    }
                    switch (event) {
                        case "STARTED" ->
                            add(spans, "0 POST -> saga started (HTTP, stock, order, saga rows)", at - last);
                        case "COMMAND_SENT" -> {
                            if ("REPLY".equals(lastEvent)) {
                                add(spans, "  local work between replies", at - last);
                            }
                            sentByStep.put(step, at);
                        }
                        case "REPLY" -> {
                            Long sent = sentByStep.get(step);
                            if (sent != null) {
                                add(spans, "1 " + step + ": command sent -> reply applied", at - sent);
                            }
                        }
                        case "COMPLETED" -> add(spans, "9 last reply -> COMPLETED", at - last);
                        default -> {}
                    }
                    last = at;
                    lastEvent = event;
                }
            }
        }
        System.out.println();
        System.out.println(title + " (completed sagas; step log times, database clock):");
        System.out.println("  span                                                     n    mean ms   p50 ms   p99 ms");
        spans.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Long> v = e.getValue();
            v.sort(null);
            double mean = v.stream().mapToLong(Long::longValue).average().orElse(0) / 1000.0;
            System.out.printf(
                    Locale.ROOT,
                    "  %-52s %6d %9.1f %8.1f %8.1f%n",
                    e.getKey().substring(2),
                    v.size(),
                    mean,
                    percentile(v, 0.5) / 1000.0,
                    percentile(v, 0.99) / 1000.0);
        });
    }

    private static void add(Map<String, List<Long>> spans, String name, long micros) {
        spans.computeIfAbsent(name, k -> new ArrayList<>()).add(micros);
    }

    // ------------------------------------------------------------------------------------------------ setup

    /** A product with {@code n} options (1,000,000 units each, price {@link #price}); answers the option ids. */
    private List<Long> createCatalog(int n) throws Exception {
        StringBuilder body = new StringBuilder("{\"product_name\":\"Saga bench " + System.currentTimeMillis()
                + "\",\"description\":\"load harness\",\"base_price\":" + price + ",\"is_active\":true,\"options\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"option_name\":\"o")
                    .append(i)
                    .append("\",\"sku\":\"BENCH-")
                    .append(UUID.randomUUID().toString(), 0, 8)
                    .append('-')
                    .append(i)
                    .append("\",\"additional_price\":0,\"stock_quantity\":1000000,\"is_active\":true}");
        }
        body.append("]}");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(orderUrl + "/v1/admin/products"))
                        .header("Authorization", "Bearer " + token(1, "ADMIN"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Creating the catalog: " + response.statusCode() + " " + response.body());
        }
        List<Long> ids = new ArrayList<>();
        Matcher m = OPTION_ID.matcher(response.body());
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        if (ids.size() != n) {
            // the response names options by "id": take every id after the product's own
            Matcher any = ID.matcher(response.body());
            ids.clear();
            while (any.find()) {
                ids.add(Long.parseLong(any.group(1)));
            }
            ids = ids.subList(ids.size() - n, ids.size());
        }
        return List.copyOf(ids);
    }

    /** An HS256 token as the gateway's dev token endpoint makes them (dev profile of the services). */
    private String token(long user, String role) {
        return tokens.computeIfAbsent(user * 10 + role.length(), k -> {
            long now = Instant.now().getEpochSecond();
            String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
            String claims = b64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + user
                    + "\",\"roles\":[\"" + role + "\"],\"iat\":" + now + ",\"nbf\":" + (now - 5) + ",\"exp\":"
                    + (now + 7200) + "}");
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String signature = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
                return header + "." + claims + "." + signature;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static long micros(LocalDateTime utc) {
        Instant i = utc.toInstant(ZoneOffset.UTC);
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }

    private static List<List<Posted>> chunks(List<Posted> all) {
        List<List<Posted>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return out;
    }

    private static String ids(List<Posted> chunk) {
        StringBuilder b = new StringBuilder();
        for (Posted p : chunk) {
            b.append(b.isEmpty() ? "" : ",").append(p.orderId());
        }
        return b.toString();
    }
}
