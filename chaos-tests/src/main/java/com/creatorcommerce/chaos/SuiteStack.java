package com.creatorcommerce.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stack {@code ./suite up} started from a checkout: pids from {@code .suite/pids/<component>.pid} (checked against
 * the process's command line, as scripts/stack.sh does), restarts through {@code scripts/chaos.sh restart} (the
 * same start-up as {@code ./suite up}, which starts only what is down), the fixed ports and schemas of the README.
 */
public final class SuiteStack implements Stack {

    private static final Map<String, Integer> PORTS = Map.of(
            "order-service",
            8081,
            "point-service",
            8082,
            "coupon-service",
            8083,
            "payment-service",
            8084,
            "credit-service",
            8085);

    private final Path root;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;

    public SuiteStack(Path root, String dbUrl, String dbUser, String dbPassword) {
        this.root = root.toAbsolutePath().normalize();
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    @Override
    public String gatewayUrl() {
        return "http://127.0.0.1:8080";
    }

    @Override
    public int servicePort(String service) {
        return PORTS.get(service);
    }

    @Override
    public String schema(String service) {
        return service.replace('-', '_');
    }

    @Override
    public String jdbcServerUrl() {
        return dbUrl;
    }

    @Override
    public String dbUser() {
        return dbUser;
    }

    @Override
    public String dbPassword() {
        return dbPassword;
    }

    @Override
    public long kill(String component) throws IOException {
        Path pidFile = root.resolve(".suite/pids/" + component + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(component + " (pid " + pid + ") is not running"));
        String marker = component.equals("kafka") ? "LocalKafkaBroker" : "/" + component + "-";
        String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
        if (!cmdline.contains(marker)) {
            throw new IllegalStateException("pid " + pid + " of " + pidFile + " is not " + component + ": " + cmdline);
        }
        process.destroyForcibly(); // SIGKILL
        process.onExit().join();
        return pid;
    }

    @Override
    public void restart(String component) throws IOException, InterruptedException {
        Path log = root.resolve(".suite/logs/chaos-restart.log");
        Process p = new ProcessBuilder(
                        List.of("bash", root.resolve("scripts/chaos.sh").toString(), "restart"))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("scripts/chaos.sh restart did not finish in 10 min (see " + log + ")");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("scripts/chaos.sh restart failed for " + component + " (see " + log + ")");
        }
    }
}
