package com.creatorcommerce.platform.deployment;

import static com.creatorcommerce.platform.deployment.DockerComposeTest.APPS;
import static com.creatorcommerce.platform.deployment.DockerComposeTest.PROFILED;
import static com.creatorcommerce.platform.deployment.DockerComposeTest.ROOT;
import static com.creatorcommerce.platform.deployment.DockerComposeTest.environment;
import static com.creatorcommerce.platform.deployment.DockerComposeTest.service;
import static com.creatorcommerce.platform.deployment.DockerComposeTest.services;
import static com.creatorcommerce.platform.deployment.DockerComposeTest.yamlValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring and tracing profiles of docker-compose.yml, the Prometheus configuration and Grafana's provisioned
 * dashboard, checked without Docker: Prometheus scrapes exactly every app's management port, Grafana finds its data
 * source and the dashboard, and every PromQL query of the dashboard reads meters that the code really registers.
 *
 * <p>The registered meters are read from the main sources of every module ({@code Counter.builder("...")},
 * {@code Gauge.builder(NAME)} with {@code NAME} a constant of the same file, ...) and turned into the names the
 * Prometheus registry exposes ({@code outbox.failed} gauge: {@code outbox_failed}; counter: {@code _total}; timer:
 * {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max}, {@code _seconds}; a base unit is a suffix).
 * Meters of Spring Boot, the JVM, Hikari and Prometheus itself are a short list, each seen on a real
 * {@code /actuator/prometheus} scrape of the local stack.
 */
class MonitoringTest {

    static final Path PROMETHEUS_YML = ROOT.resolve("infra/deployment/prometheus/prometheus.yml");
    static final Path GRAFANA = ROOT.resolve("infra/deployment/grafana");
    static final Path DASHBOARD = GRAFANA.resolve("dashboards/creator-commerce.json");

    /** Not registered by our code; every one seen on a real scrape of the local stack (./suite up, issue 16). */
    static final Set<String> FRAMEWORK_METRICS = Set.of(
            "up", // Prometheus' own, per target
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_max",
            "jvm_memory_used_bytes",
            "hikaricp_connections_active",
            "hikaricp_connections_pending");

    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    static final Set<String> PROMQL_KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset");
    static final Pattern BUILDER = Pattern.compile(
            "\\b(Counter|FunctionCounter|Gauge|TimeGauge|MultiGauge|Timer|DistributionSummary)\\.builder\\(\\s*"
                    + "(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_]*))");
    static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z_][A-Z0-9_]*) = \"([^\"]+)\";");
    static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"([^\"]+)\"\\)");

    static Map<String, Object> prometheus;
    static JsonNode dashboard;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        DockerComposeTest.load();
        try (InputStream in = Files.newInputStream(PROMETHEUS_YML)) {
            prometheus = new Yaml().load(in);
        }
        dashboard = new JsonMapper().readTree(Files.readString(DASHBOARD));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMonitoringAndTracingComponentsRunOnlyUnderTheirProfilesFromPinnedOfficialImages() {
        PROFILED.forEach((name, profile) -> {
            assertThat((List<String>) service(name).get("profiles")).as(name).containsExactly(profile);
            String image = (String) service(name).get("image");
            assertThat(image).as(name + ": a pinned version, never latest").matches("[a-z0-9/_-]+:v?\\d+(\\.\\d+)+");
            assertThat((List<String>) service(name).get("ports"))
                    .as(name + ": published on loopback only")
                    .allMatch(p -> p.startsWith("127.0.0.1:"));
        });
        assertThat((String) service("prometheus").get("image")).startsWith("prom/prometheus:");
        assertThat((String) service("grafana").get("image")).startsWith("grafana/grafana:");
        assertThat((String) service("jaeger").get("image")).startsWith("jaegertracing/jaeger:");
        assertThat((List<String>) service("jaeger").get("ports"))
                .as("OTLP over HTTP and the UI")
                .contains("127.0.0.1:4318:4318", "127.0.0.1:16686:16686");
        Set<String> hostPorts = new HashSet<>();
        services.keySet()
                .forEach(name -> ((List<String>) service(name).getOrDefault("ports", List.of()))
                        .forEach(p -> assertThat(hostPorts.add(p.substring(0, p.lastIndexOf(':'))))
                                .as(name + " " + p)
                                .isTrue()));
    }

    @Test
    void everyAppPassesTheOtlpEndpointThroughOffByDefault() {
        APPS.keySet()
                .forEach(app -> assertThat(environment(app))
                        .as(app)
                        .containsEntry("OTLP_TRACING_ENDPOINT", "${OTLP_TRACING_ENDPOINT:-false}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheActuatorOfEveryAppOnItsManagementPortAndNothingElse() {
        assertThat((List<String>) service("prometheus").get("volumes"))
                .contains("./infra/deployment/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat((List<String>) service("prometheus").get("command"))
                .contains("--config.file=/etc/prometheus/prometheus.yml");
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");
        assertThat(jobs).hasSize(1);
        Map<String, Object> job = jobs.getFirst();
        assertThat(job.get("job_name")).as("the dashboard's up{job=...}").isEqualTo("creator-commerce");
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> sc : (List<Map<String, Object>>) job.get("static_configs")) {
            targets.addAll((List<String>) sc.get("targets"));
        }
        Set<String> expected = new TreeSet<>();
        APPS.keySet().forEach(app -> {
            Map<String, String> env = environment(app);
            assertThat(env)
                    .as(app + ": the management port answers on the compose network")
                    .containsEntry("MANAGEMENT_SERVER_ADDRESS", "0.0.0.0");
            expected.add(app + ":" + env.get("MANAGEMENT_SERVER_PORT"));
        });
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(yamlValue(DockerComposeTest.platformDefaults(), "management.endpoints.web.exposure.include"))
                .asString()
                .contains("prometheus");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaProvisionsThePrometheusDataSourceAndTheDashboardFolder() throws IOException {
        List<String> volumes = (List<String>) service("grafana").get("volumes");
        assertThat(volumes)
                .contains(
                        "./infra/deployment/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./infra/deployment/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Map<String, Object> datasources = yaml(GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
        Map<String, Object> ds = ((List<Map<String, Object>>) datasources.get("datasources")).getFirst();
        assertThat(ds)
                .containsEntry("type", "prometheus")
                .containsEntry("uid", "prometheus")
                .containsEntry("url", "http://prometheus:9090");
        assertThat((List<String>) service("prometheus").get("ports")).contains("127.0.0.1:9091:9090");
        Map<String, Object> providers = yaml(GRAFANA.resolve("provisioning/dashboards/creator-commerce.yml"));
        Map<String, Object> provider = ((List<Map<String, Object>>) providers.get("providers")).getFirst();
        assertThat(yamlValue(provider, "options.path")).isEqualTo("/var/lib/grafana/dashboards");
        assertThat(DockerComposeTest.environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
                .isEqualTo("/var/lib/grafana/dashboards/" + DASHBOARD.getFileName());
    }

    @Test
    void theDashboardIsOneScreenOfHealthSagasAndMessagingOnTheProvisionedDataSource() {
        assertThat(dashboard.get("uid").asString()).isEqualTo("creator-commerce");
        List<JsonNode> panels = new ArrayList<>();
        dashboard.get("panels").forEach(panels::add);
        assertThat(panels.stream()
                        .filter(p -> p.get("type").asString().equals("row"))
                        .map(p -> p.get("title").asString()))
                .anyMatch(t -> t.startsWith("Health"))
                .anyMatch(t -> t.startsWith("Sagas"))
                .anyMatch(t -> t.startsWith("Messaging"));
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            String title = panel.get("title").asString();
            assertThat(ids.add(panel.get("id").asInt()))
                    .as("unique id: " + title)
                    .isTrue();
            JsonNode grid = panel.get("gridPos");
            assertThat(grid.get("x").asInt() + grid.get("w").asInt())
                    .as("within the 24 columns: " + title)
                    .isLessThanOrEqualTo(24);
            if (panel.get("type").asString().equals("row")) {
                continue;
            }
            assertThat(panel.get("datasource").get("uid").asString()).as(title).isEqualTo("prometheus");
            assertThat(panel.get("targets")).as(title).isNotEmpty();
            panel.get("targets")
                    .forEach(t -> assertThat(t.get("datasource").get("uid").asString())
                            .as(title)
                            .isEqualTo("prometheus"));
        }
    }

    @Test
    void everyQueryOfTheDashboardReadsMetricsTheAppsRegister() throws IOException {
        Set<String> registered = registeredMetrics();
        Map<String, List<String>> unknown = new TreeMap<>();
        Set<String> used = new TreeSet<>();
        dashboard.get("panels").forEach(panel -> {
            if (!panel.has("targets")) {
                return;
            }
            panel.get("targets")
                    .forEach(t -> metricNames(t.get("expr").asString()).forEach(name -> {
                        used.add(name);
                        if (!registered.contains(name) && !FRAMEWORK_METRICS.contains(name)) {
                            unknown.computeIfAbsent(name, n -> new ArrayList<>())
                                    .add(panel.get("title").asString());
                        }
                    }));
        });
        assertThat(unknown).as("metrics no code registers (panel titles)").isEmpty();
        assertThat(used)
                .as("what ops must see (issue 16)")
                .contains(
                        "outbox_backlog",
                        "outbox_failed",
                        "outbox_oldest_pending_age_seconds",
                        "messaging_inbox_depth",
                        "messaging_dlt_depth",
                        "saga_instances",
                        "saga_step_latency_seconds_count",
                        "saga_deadline_expired_total",
                        "saga_overdue",
                        "payment_pg_outcomes_total",
                        "point_wallet_operations_total",
                        "point_wallet_refusals_total",
                        "credit_wallet_operations_total",
                        "credit_wallet_refusals_total",
                        "coupon_issue_requests_total");
    }

    @Test
    void metricNamesAreReadFromPromQlWithoutFunctionsLabelsOrRanges() {
        assertThat(metricNames("sum by (application, uri) (rate(http_server_requests_seconds_count"
                        + "{status=~\"5..\", uri!=\"by\"}[$__rate_interval])) / on (application) group_left max(up)"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "up");
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(a_seconds_bucket[5m]))) > bool 0.5"))
                .containsExactly("a_seconds_bucket");
    }

    @Test
    void registeredNamesFollowThePrometheusRegistrysNaming() throws IOException {
        assertThat(registeredMetrics())
                .contains(
                        "outbox_backlog",
                        "outbox_published_total",
                        "outbox_oldest_pending_age_seconds",
                        "outbox_publish_latency_seconds",
                        "outbox_publish_latency_seconds_count",
                        "saga_step_latency_seconds_sum",
                        "saga_step_latency_seconds_max",
                        "point_ledger_batch_size_count",
                        "saga_oldest_in_flight_age_seconds");
    }

    /** The metric names a PromQL expression reads. */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String id = m.group();
            boolean function = s.substring(m.end()).matches("(?s)\\s*\\(.*");
            boolean number = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!function && !number && !PROMQL_KEYWORDS.contains(id)) {
                names.add(id);
            }
        }
        return names;
    }

    /** Every name the Prometheus registry exposes for the meters built in the main sources of every module. */
    static Set<String> registeredMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        List<Path> roots;
        try (Stream<Path> modules = Files.walk(ROOT, 5)) {
            roots = modules.filter(p -> p.endsWith(Path.of("src", "main", "java")) && Files.isDirectory(p))
                    .toList();
        }
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    names.addAll(meterNames(Files.readString(f)));
                }
            }
        }
        return names;
    }

    static Set<String> meterNames(String source) {
        Map<String, String> constants = new HashMap<>();
        Matcher c = CONSTANT.matcher(source);
        while (c.find()) {
            constants.put(c.group(1), c.group(2));
        }
        Set<String> names = new HashSet<>();
        Matcher b = BUILDER.matcher(source);
        while (b.find()) {
            String meter = b.group(2) != null ? b.group(2) : constants.get(b.group(3));
            if (meter == null) {
                continue;
            }
            int end = source.indexOf(".register(", b.end());
            Matcher unit = BASE_UNIT.matcher(end < 0 ? "" : source.substring(b.end(), end));
            String suffix = unit.find() ? "_" + unit.group(1) : "";
            String base = meter.replace('.', '_').replace('-', '_');
            switch (b.group(1)) {
                case "Counter", "FunctionCounter" -> names.add(base + "_total");
                case "Gauge", "MultiGauge" -> names.add(base + suffix);
                case "TimeGauge" -> names.add(base + "_seconds");
                case "Timer" -> names.addAll(summary(base + "_seconds"));
                case "DistributionSummary" -> names.addAll(summary(base + suffix));
                default -> throw new IllegalStateException(b.group(1));
            }
        }
        return names;
    }

    private static Set<String> summary(String base) {
        return Set.of(base, base + "_count", base + "_sum", base + "_max", base + "_bucket");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml().load(in);
        }
    }
}
