package com.creatorcommerce.gateway.bench;

import com.creatorcommerce.gateway.GatewayApplication;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.WireMocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.sun.net.httpserver.HttpServer;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Gateway overhead, measured (not a test): requests/s and p50/p99 latency of authenticated GETs through the gateway
 * (bearer token checked on every request, identity headers, rate limiter, circuit breaker, route timeout) versus the
 * same requests sent directly to the same loopback backend, in the same run: a trivial JDK HttpServer, a trivial
 * WireMock stub (a heavier server, closer to what a real service costs per request), and the JDK server answering
 * after 50 ms. Closed loop: a fixed number of keep-alive connections, each sending the next request when the previous
 * answer arrived. Client, gateway and backend share this JVM and this machine's cores; the CPU time each used per
 * request is printed next to the figures. The gateway is warmed up first (it runs for hours in production).
 *
 * <pre>
 * flock /tmp/mvnlock/lock mvn -B -o -pl gateway test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.creatorcommerce.gateway.bench.GatewayBenchmark
 * </pre>
 * Tunables (system properties): {@code bench.seconds} (measured seconds per run, default 10), {@code bench.warmup}
 * (gateway warm-up seconds, default 40), {@code bench.concurrency} (trivial backends, default 32),
 * {@code bench.slowConcurrency} (delayed backend, default 64), {@code bench.delayMs} (default 50),
 * {@code bench.gatewayArgs} (extra {@code --property=value} settings for the gateway), {@code bench.jfr} (file for a
 * JFR profile of the JDK-backend gateway run).
 */
public final class GatewayBenchmark {

    private static final byte[] BODY = "{\"id\":\"1\",\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    record Result(
            String target,
            int concurrency,
            long requests,
            long errors,
            double seconds,
            double p50Ms,
            double p99Ms,
            java.util.Map<String, Long> cpuNanos) {
        double rps() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 10);
        int warmup = Integer.getInteger("bench.warmup", 40);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int slowConcurrency = Integer.getInteger("bench.slowConcurrency", 64);
        int delayMs = Integer.getInteger("bench.delayMs", 50);

        HttpServer backend = startBackend(delayMs);
        String backendUrl = "http://127.0.0.1:" + backend.getAddress().getPort();
        WireMockServer wiremock = WireMocks.start();
        wiremock.stubFor(WireMock.get(WireMock.urlPathMatching("/v1/points/.*"))
                .willReturn(WireMock.aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(BODY)));
        ConfigurableApplicationContext gateway = startGateway(backendUrl, wiremock.baseUrl());
        String gatewayUrl = "http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");
        String token = TestJwt.user(4242);

        LoopResources loops = LoopResources.create("bench-client", 1, true);
        try {
            System.out.printf(
                    Locale.ROOT,
                    "%nGateway benchmark: %d s per run after %d s gateway warm-up, %d cores, " + "JDK %s%n",
                    seconds,
                    warmup,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            // smoke check: every path answers 200 and the gateway really verifies the token
            check(loops, backendUrl, "/v1/orders/fast", null, 200);
            check(loops, wiremock.baseUrl(), "/v1/points/fast", null, 200);
            check(loops, gatewayUrl, "/v1/orders/fast", token, 200);
            check(loops, gatewayUrl, "/v1/points/fast", token, 200);
            check(loops, gatewayUrl, "/v1/orders/fast", null, 401);

            // warm-up (JIT: a gateway runs for hours, its steady state is what counts), then measure each path
            run(loops, gatewayUrl, "/v1/orders/fast", token, concurrency, warmup, "warm-up");
            run(loops, gatewayUrl, "/v1/points/fast", token, concurrency, 3, "warm-up");
            run(loops, backendUrl, "/v1/orders/fast", null, concurrency, 3, "warm-up");
            run(loops, wiremock.baseUrl(), "/v1/points/fast", null, concurrency, 3, "warm-up");

            Result jdkDirect = run(loops, backendUrl, "/v1/orders/fast", null, concurrency, seconds, "direct");
            jdk.jfr.Recording recording = startRecording();
            Result jdkGateway = run(loops, gatewayUrl, "/v1/orders/fast", token, concurrency, seconds, "gateway+JWT");
            stopRecording(recording);
            if (Boolean.getBoolean("bench.anonymous")) { // for comparison: a public path, no token at all
                run(loops, gatewayUrl, "/v1/products/fast", null, concurrency, seconds, "gateway anon");
            }
            Result wmDirect = run(loops, wiremock.baseUrl(), "/v1/points/fast", null, concurrency, seconds, "direct");
            Result wmGateway = run(loops, gatewayUrl, "/v1/points/fast", token, concurrency, seconds, "gateway+JWT");

            run(loops, gatewayUrl, "/v1/orders/slow", token, slowConcurrency, 3, "warm-up");
            Result slowDirect = run(loops, backendUrl, "/v1/orders/slow", null, slowConcurrency, seconds, "direct");
            Result slowGateway =
                    run(loops, gatewayUrl, "/v1/orders/slow", token, slowConcurrency, seconds, "gateway+JWT");

            System.out.println();
            System.out.println("| backend | path | connections | requests/s | p50 ms | p99 ms | errors "
                    + "| CPU us/request (gateway / client / backend / whole process) | gateway/direct |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            row("trivial (JDK HttpServer)", jdkDirect, null);
            row("trivial (JDK HttpServer)", jdkGateway, jdkDirect);
            row("trivial (WireMock stub)", wmDirect, null);
            row("trivial (WireMock stub)", wmGateway, wmDirect);
            row(delayMs + " ms (JDK HttpServer)", slowDirect, null);
            row(delayMs + " ms (JDK HttpServer)", slowGateway, slowDirect);
            System.out.printf(
                    Locale.ROOT,
                    "%ntrivial JDK backend:      gateway/direct = %.2f (target >= 0.50)%n",
                    jdkGateway.rps() / jdkDirect.rps());
            System.out.printf(
                    Locale.ROOT,
                    "trivial WireMock backend: gateway/direct = %.2f (target >= 0.50)%n",
                    wmGateway.rps() / wmDirect.rps());
            System.out.printf(
                    Locale.ROOT,
                    "%d ms backend:            gateway/direct = %.2f (target >= 0.90)%n",
                    delayMs,
                    slowGateway.rps() / slowDirect.rps());
        } finally {
            loops.disposeLater().block(Duration.ofSeconds(5));
            gateway.close();
            wiremock.stop();
            backend.stop(0);
        }
        System.exit(0);
    }

    /** With {@code -Dbench.jfr=/tmp/gateway.jfr}: a JFR profile of the measured trivial-backend gateway run. */
    private static jdk.jfr.Recording startRecording() throws Exception {
        String file = System.getProperty("bench.jfr");
        if (file == null) {
            return null;
        }
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.setDestination(java.nio.file.Path.of(file));
        recording.start();
        return recording;
    }

    private static void stopRecording(jdk.jfr.Recording recording) {
        if (recording != null) {
            recording.stop();
            recording.close();
        }
    }

    private static void row(String backend, Result r, Result direct) {
        double n = Math.max(1, r.requests());
        String cpu = String.format(
                Locale.ROOT,
                "%.0f / %.0f / %.0f / %.0f",
                r.cpuNanos().get("gateway") / 1e3 / n,
                r.cpuNanos().get("client") / 1e3 / n,
                r.cpuNanos().get("backend") / 1e3 / n,
                r.cpuNanos().getOrDefault("process", 0L) / 1e3 / n);
        System.out.printf(
                Locale.ROOT,
                "| %s | %s | %d | %.0f | %.2f | %.2f | %d | %s | %s |%n",
                backend,
                r.target(),
                r.concurrency(),
                r.rps(),
                r.p50Ms(),
                r.p99Ms(),
                r.errors(),
                cpu,
                direct == null ? "" : String.format(Locale.ROOT, "%.2f", r.rps() / direct.rps()));
    }

    /** A trivial JSON backend on loopback; {@code /slow} paths answer after the delay. */
    static HttpServer startBackend(int delayMs) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                    try {
                        Thread.sleep(delayMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, BODY.length);
                exchange.getResponseBody().write(BODY);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return server;
    }

    static ConfigurableApplicationContext startGateway(String backendUrl, String wiremockUrl) {
        // command-line arguments: they win over application.yml
        return new SpringApplicationBuilder(GatewayApplication.class)
                .run(concat(
                        new String[] {
                            "--server.port=0",
                            "--platform.security.jwt.jwk-set-location=" + TestJwt.jwkSetLocation(),
                            "--platform.routes.order-service=" + backendUrl,
                            "--platform.routes.point-service=" + wiremockUrl,
                            "--platform.routes.coupon-service=" + backendUrl,
                            "--platform.routes.payment-service=" + backendUrl,
                            "--platform.routes.credit-service=" + backendUrl,
                            // the limiter stays in the path (its cost is measured) but never refuses this single user
                            "--platform.gateway.rate-limit.user.capacity=1000000000",
                            "--platform.gateway.rate-limit.user.refill-per-second=1000000000",
                            "--platform.gateway.rate-limit.anonymous.capacity=1000000000",
                            "--platform.gateway.rate-limit.anonymous.refill-per-second=1000000000",
                            "--logging.level.root=WARN",
                            "--spring.main.banner-mode=off"
                        },
                        extraArgs()));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** {@code -Dbench.gatewayArgs="--some.property=value ..."}: extra gateway settings to compare. */
    private static String[] extraArgs() {
        String extra = System.getProperty("bench.gatewayArgs", "").trim();
        return extra.isEmpty() ? new String[0] : extra.split("\\s+");
    }

    private static HttpClient client(
            LoopResources loops, String baseUrl, String token, int connections, ConnectionProvider pool) {
        HttpClient client =
                HttpClient.create(pool).runOn(loops).baseUrl(baseUrl).keepAlive(true);
        if (token != null) {
            client = client.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token));
        }
        return client;
    }

    private static void check(LoopResources loops, String baseUrl, String path, String token, int expected) {
        ConnectionProvider pool = ConnectionProvider.create("bench-check", 1);
        Integer status = client(loops, baseUrl, token, 1, pool)
                .get()
                .uri(path)
                .responseSingle((res, body) -> body.then(Mono.just(res.status().code())))
                .block(Duration.ofSeconds(10));
        pool.disposeLater().block(Duration.ofSeconds(5));
        if (status == null || status != expected) {
            throw new IllegalStateException(baseUrl + path + " answered " + status + ", expected " + expected);
        }
    }

    private static Result run(
            LoopResources loops,
            String baseUrl,
            String path,
            String token,
            int connections,
            int seconds,
            String label) {
        ConnectionProvider pool = ConnectionProvider.builder("bench-" + label)
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .build();
        HttpClient client = client(loops, baseUrl, token, connections, pool);
        long[] samples = new long[4_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        java.util.Map<String, Long> cpuBefore = cpuByRole();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        Flux.range(0, connections)
                .flatMap(
                        worker -> Mono.defer(() -> {
                                    long t0 = System.nanoTime();
                                    return client.get()
                                            .uri(path)
                                            .responseSingle((res, body) -> body.then(
                                                    Mono.just(res.status().code())))
                                            .doOnNext(status -> {
                                                long took = System.nanoTime() - t0;
                                                int i = count.getAndIncrement();
                                                if (i < samples.length) {
                                                    samples[i] = took;
                                                }
                                                if (status != 200) {
                                                    errors.incrementAndGet();
                                                }
                                            })
                                            .onErrorResume(e -> {
                                                errors.incrementAndGet();
                                                return Mono.empty();
                                            });
                                })
                                .repeat(() -> System.nanoTime() < end),
                        connections)
                .blockLast(Duration.ofSeconds(seconds + 30L));
        double elapsed = (System.nanoTime() - start) / 1e9;
        java.util.Map<String, Long> cpu = cpuByRole();
        cpu.replaceAll((role, nanos) -> nanos - cpuBefore.getOrDefault(role, 0L));
        pool.disposeLater().block(Duration.ofSeconds(5));
        int n = Math.min(count.get(), samples.length);
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        Result result = new Result(
                label, connections, count.get(), errors.get(), elapsed, pct(sorted, 0.50), pct(sorted, 0.99), cpu);
        StringBuilder perRequest = new StringBuilder();
        cpu.forEach((role, nanos) -> perRequest.append(
                String.format(Locale.ROOT, " %s %.0f", role, nanos / 1e3 / Math.max(1, count.get()))));
        System.out.printf(
                Locale.ROOT,
                "  %-12s %-16s c=%-3d %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d  CPU us/req:%s%n",
                label,
                path,
                connections,
                result.rps(),
                result.p50Ms(),
                result.p99Ms(),
                result.errors(),
                perRequest);
        return result;
    }

    /**
     * CPU time so far by role: the gateway's event loops (server and its client to the services share them), the
     * benchmark client, the backend (dispatcher and virtual-thread carriers), and the whole process (JIT, GC...).
     */
    private static java.util.Map<String, Long> cpuByRole() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> cpu = new java.util.LinkedHashMap<>();
        cpu.put("gateway", 0L);
        cpu.put("client", 0L);
        cpu.put("backend", 0L);
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            String name = info.getThreadName();
            String role = name.startsWith("reactor-http") || name.startsWith("parallel")
                    ? "gateway"
                    : name.startsWith("bench-client")
                            ? "client"
                            : name.startsWith("HTTP-Dispatcher")
                                            || name.startsWith("ForkJoinPool")
                                            || name.startsWith("qtp")
                                    ? "backend"
                                    : null;
            if (role != null) {
                cpu.merge(role, nanos, Long::sum);
            }
        }
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu.put("process", os.getProcessCpuTime());
        }
        return cpu;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
