package com.creatorcommerce.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./suite chaos [--minutes N]}: the chaos run against the stack {@code ./suite up} started from this checkout.
 * Options: {@code --minutes N} (load, default 5), {@code --rate R} (operations per second, default 6),
 * {@code --faults a,b,...} (default: each service, the gateway and the broker, in turn), {@code --quiesce-minutes N}
 * (default 6), {@code --root DIR} (the checkout). The database is {@code SUITE_DB_URL} (default
 * jdbc:mariadb://127.0.0.1:3306) as {@code SUITE_DB_ROOT_USER} (root) / {@code SUITE_DB_ROOT_PASSWORD}. Prints the
 * report; exits 1 when a check failed.
 */
public final class ChaosMain {

    private ChaosMain() {}

    public static void main(String[] args) throws Exception {
        double minutes = 5;
        double rate = 6;
        double quiesce = 6;
        Path root = Path.of(".");
        List<String> faults = new ArrayList<>(Stack.SERVICES);
        faults.add("gateway");
        faults.add("kafka");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--quiesce-minutes" -> quiesce = Double.parseDouble(value);
                case "--root" -> root = Path.of(value);
                case "--faults" -> faults = value.isBlank() ? List.of() : Arrays.asList(value.split(","));
                default -> {
                    System.err.println("unknown option " + args[i]
                            + " (--minutes N --rate R --faults a,b --quiesce-minutes N --root DIR)");
                    System.exit(2);
                }
            }
            i++;
        }
        String url = env("SUITE_DB_URL", "jdbc:mariadb://127.0.0.1:3306");
        Stack stack = new SuiteStack(root, url, env("SUITE_DB_ROOT_USER", "root"), env("SUITE_DB_ROOT_PASSWORD", ""));
        ChaosRun.Config config = ChaosRun.Config.of(Duration.ofSeconds((long) (minutes * 60)), faults)
                .withRate(rate)
                .withQuiesceTimeout(Duration.ofSeconds((long) (quiesce * 60)));
        Report report = new ChaosRun(stack, config, System.out).run();
        System.out.print(report.text());
        System.exit(report.allPassed() ? 0 : 1);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
