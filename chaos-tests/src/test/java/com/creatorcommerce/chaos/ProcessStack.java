package com.creatorcommerce.chaos;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A stack of its own for the chaos IT, started as the local stack starts (scripts/stack.sh start_kafka, start_mock_pg,
 * start_app: the same main classes, jars and flags) but never in its way: free ports picked at start, a state
 * directory under target/, schemas {@code t_<epoch>_chaos<service>} (dropped at the end, or with the stale test
 * databases after six hours if the JVM died). Every process it starts is its child and is killed by {@link #close}
 * (and by a shutdown hook if the test JVM is stopped).
 */
final class ProcessStack implements Stack, AutoCloseable {

    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final List<String> APP_JVM = List.of(
            "-Xms48m",
            "-Xmx224m",
            "-XX:MaxMetaspaceSize=150m",
            "-XX:ReservedCodeCacheSize=48m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Duser.timezone=UTC");

    private final Path root;
    private final Path state;
    private final String java =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String serverUrl;
    private final String user;
    private final String password;
    private final String schemaPrefix = "t_" + Instant.now().getEpochSecond() + "_chaos";
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, List<String>> commands = new LinkedHashMap<>();
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread hook = new Thread(this::stopAll, "chaos-stack-stop");

    ProcessStack(Path root, Path state) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.state = state.toAbsolutePath().normalize();
        String url = System.getenv("SUITE_TEST_DB_URL");
        this.serverUrl = url == null || url.isBlank() ? "jdbc:mariadb://127.0.0.1:3306" : url.replaceAll("/+$", "");
        this.user = env("SUITE_TEST_DB_USER", "root");
        this.password = env("SUITE_TEST_DB_PASSWORD", "");
        Files.createDirectories(this.state.resolve("logs"));
        for (String c : List.of(
                "kafka",
                "kafka-controller",
                "mock-pg",
                "gateway",
                "order-service",
                "point-service",
                "coupon-service",
                "payment-service",
                "credit-service")) {
            ports.put(c, freePort());
        }
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    /** Creates the schemas, starts the broker, the mock PG, the five services, then the gateway. */
    void start() throws Exception {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String service : SERVICES) {
                s.execute("DROP DATABASE IF EXISTS " + schema(service));
                s.execute("CREATE DATABASE " + schema(service) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
        String kafkaClasspath = Arrays.stream(testClasspath().split(File.pathSeparator))
                .filter(e -> !e.contains("wiremock"))
                .collect(Collectors.joining(File.pathSeparator));
        command(
                "kafka",
                java,
                "-Xms128m",
                "-Xmx320m",
                "-XX:MaxMetaspaceSize=96m",
                "-XX:+UseSerialGC",
                "-Duser.timezone=UTC",
                "-cp",
                kafkaClasspath,
                "com.creatorcommerce.platform.kafka.LocalKafkaBroker",
                state.resolve("kafka-data").toString(),
                port("kafka"),
                port("kafka-controller"));
        command(
                "mock-pg",
                java,
                "-Xms32m",
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                wiremockJar(),
                "--port",
                port("mock-pg"),
                "--bind-address",
                "127.0.0.1",
                "--root-dir",
                root.resolve("infra/mock-pg").toString(),
                "--disable-banner"); // with its request journal: pgJournalUrl
        int worker = 1;
        for (String service : SERVICES) {
            List<String> args = new ArrayList<>(appCommand(service, worker++));
            args.add("--spring.datasource.url=" + jdbcUrl(schema(service)));
            args.add("--spring.datasource.username=" + user);
            args.add("--spring.datasource.password=" + password);
            if (service.equals("payment-service")) {
                args.add("--platform.payment-gateway.base-url=http://127.0.0.1:" + port("mock-pg"));
            }
            command(service, args.toArray(String[]::new));
        }
        List<String> gateway = new ArrayList<>(appCommand("gateway", worker));
        for (String service : SERVICES) {
            gateway.add("--platform.routes." + service + "=http://127.0.0.1:" + port(service));
        }
        command("gateway", gateway.toArray(String[]::new));

        launch("kafka");
        launch("mock-pg");
        awaitReady("kafka");
        awaitReady("mock-pg");
        for (String service : SERVICES) {
            launch(service);
        }
        launch("gateway");
        for (String service : SERVICES) {
            awaitReady(service);
        }
        awaitReady("gateway");
    }

    private List<String> appCommand(String app, int worker) {
        Path jar = root.resolve(app + "/target/" + app + "-" + VERSION + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor packages the apps before chaos-tests "
                    + "(./mvnw verify from the root, or ./mvnw -pl " + app + " package first)");
        }
        List<String> args = new ArrayList<>();
        args.add(java);
        args.addAll(APP_JVM);
        args.addAll(List.of(
                "-jar",
                jar.toString(),
                "--spring.profiles.active=dev",
                "--server.port=" + port(app),
                "--management.server.port=" + freePortUnchecked(),
                "--platform.snowflake.worker-id=" + worker,
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + port("kafka")));
        return args;
    }

    private String jdbcUrl(String schema) {
        int q = serverUrl.indexOf('?');
        return q < 0 ? serverUrl + "/" + schema : serverUrl.substring(0, q) + "/" + schema + serverUrl.substring(q);
    }

    private static String testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    private static String wiremockJar() {
        return Arrays.stream(testClasspath().split(File.pathSeparator))
                .filter(e -> e.contains("wiremock-standalone"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wiremock-standalone is not on the classpath"));
    }

    private void command(String component, String... args) {
        commands.put(component, List.of(args));
    }

    private String port(String component) {
        return Integer.toString(ports.get(component));
    }

    private void launch(String component) throws IOException {
        Path log = state.resolve("logs/" + component + ".log");
        Process p = new ProcessBuilder(commands.get(component))
                .directory(state.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.put(component, p);
    }

    /** Readiness as scripts/stack.sh waits for it: the broker's port, the mock PG's health, the apps' readiness. */
    private void awaitReady(String component) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!ready(component)) {
            Process p = processes.get(component);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(
                        component + " exited; see " + state.resolve("logs/" + component + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        component + " not ready in 5 min; see " + state.resolve("logs/" + component + ".log"));
            }
            Thread.sleep(1_000);
        }
    }

    private boolean ready(String component) {
        if (component.equals("kafka")) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", ports.get("kafka")), 1_000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        String url = component.equals("mock-pg")
                ? "http://127.0.0.1:" + port("mock-pg") + "/__admin/health"
                : managementUrl(component) + "/actuator/health/readiness";
        if (url == null) {
            return false;
        }
        try {
            return http.send(
                                    HttpRequest.newBuilder(URI.create(url))
                                            .timeout(Duration.ofSeconds(3))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String managementUrl(String app) {
        return commands.get(app).stream()
                .filter(a -> a.startsWith("--management.server.port="))
                .findFirst()
                .map(a -> "http://127.0.0.1:" + a.substring(a.indexOf('=') + 1))
                .orElse(null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    Path state() {
        return state;
    }

    // ------------------------------------------------------------------------------------------------ Stack

    @Override
    public String gatewayUrl() {
        return "http://127.0.0.1:" + port("gateway");
    }

    @Override
    public int servicePort(String service) {
        return ports.get(service);
    }

    @Override
    public String schema(String service) {
        return schemaPrefix + service.substring(0, service.indexOf('-'));
    }

    @Override
    public String pgJournalUrl() {
        return "http://127.0.0.1:" + port("mock-pg") + "/__admin/requests";
    }

    @Override
    public String jdbcServerUrl() {
        return serverUrl;
    }

    @Override
    public String dbUser() {
        return user;
    }

    @Override
    public String dbPassword() {
        return password;
    }

    @Override
    public long kill(String component) throws InterruptedException {
        Process p = processes.get(component);
        long pid = p.pid();
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        return pid;
    }

    @Override
    public void restart(String component) throws Exception {
        Process p = processes.get(component);
        if (p != null && p.isAlive()) {
            return;
        }
        if (!component.equals("kafka") && !component.equals("mock-pg")) {
            // the killed JVM's ports are free again; a fresh management port in case another process took it
            List<String> args = new ArrayList<>(commands.get(component));
            args.replaceAll(a ->
                    a.startsWith("--management.server.port=") ? "--management.server.port=" + freePortUnchecked() : a);
            commands.put(component, List.copyOf(args));
        }
        launch(component);
        awaitReady(component);
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl + "/", user, password);
    }

    // ------------------------------------------------------------------------------------------------ stop

    private void stopAll() {
        processes.values().forEach(Process::destroyForcibly);
        for (Process p : processes.values()) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Kills every process it started (and waits for them), then drops its schemas. */
    @Override
    public void close() throws SQLException {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String service : SERVICES) {
                s.execute("DROP DATABASE IF EXISTS " + schema(service));
            }
        }
    }
}
