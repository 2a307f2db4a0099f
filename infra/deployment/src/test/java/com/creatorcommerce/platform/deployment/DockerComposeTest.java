package com.creatorcommerce.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the build runs, so docker-compose.yml is checked against the real configuration of
 * the services: names, ports, health-check paths, schemas/users and every environment variable it sets.
 */
class DockerComposeTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Map<String, Integer> APPS = new LinkedHashMap<>();
    static final Set<String> INFRA = Set.of("mysql", "kafka", "mock-pg");
    /** Started only with their compose profile (MonitoringTest checks them). */
    static final Map<String, String> PROFILED =
            Map.of("prometheus", "monitoring", "grafana", "monitoring", "jaeger", "tracing");
    /** Optional components whose official image brings its own HEALTHCHECK (nothing waits for them). */
    static final Set<String> IMAGE_HEALTH_CHECK = Set.of("jaeger");
    /** Environment variables Spring Boot itself understands (relaxed binding of spring.*, server.*, ...). */
    static final Pattern BOOT_ENV = Pattern.compile("(SPRING|SERVER|MANAGEMENT|LOGGING)_[A-Z0-9_]+|JAVA_TOOL_OPTIONS");

    static Map<String, Object> compose;
    static Map<String, Object> services;
    static String mysqlInit;

    static {
        APPS.put("gateway", null);
        APPS.put("order-service", null);
        APPS.put("point-service", null);
        APPS.put("coupon-service", null);
        APPS.put("payment-service", null);
        APPS.put("credit-service", null);
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            compose = new Yaml(options).load(in);
        }
        services = (Map<String, Object>) compose.get("services");
        mysqlInit = Files.readString(ROOT.resolve("infra/docker/mysql-init/01-service-schemas.sql"))
                .replaceAll("[ \\t]+", " ");
        for (String app : APPS.keySet()) {
            APPS.put(app, ((Number) yamlValue(appConfig(app), "server.port")).intValue());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> appConfig(String app) throws IOException {
        // the first document holds the default (profile-less) configuration; later ones are profile-specific
        try (InputStream in = Files.newInputStream(ROOT.resolve(app + "/src/main/resources/application.yml"))) {
            return (Map<String, Object>) new Yaml().loadAll(in).iterator().next();
        }
    }

    @SuppressWarnings("unchecked")
    static Object yamlValue(Map<String, Object> yaml, String dotted) {
        Object current = yaml;
        for (String part : dotted.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(part);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) {
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) service(name).getOrDefault("environment", Map.of()))
                .forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @Test
    void declaresTheInfrastructureEveryServiceAndTheGatewayAndTheOptionalComponentsUnderTheirProfiles() {
        Set<String> expected = new java.util.HashSet<>(INFRA);
        expected.addAll(APPS.keySet());
        assertThat(services.keySet().stream().filter(name -> !service(name).containsKey("profiles")))
                .as("started by a plain docker compose up")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(services.keySet().stream().filter(name -> service(name).containsKey("profiles")))
                .containsExactlyInAnyOrderElementsOf(PROFILED.keySet());
    }

    @Test
    void everyAppListensOnItsConfiguredPortAndPublishesItOnLoopbackOnly() {
        APPS.forEach((app, port) -> {
            assertThat(environment(app))
                    .as(app)
                    .containsEntry("SERVER_PORT", port.toString())
                    .containsEntry("SERVER_ADDRESS", "0.0.0.0");
            assertThat((List<String>) service(app).get("ports"))
                    .as(app)
                    .containsExactly("127.0.0.1:" + port + ":" + port);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyComponentHasAHealthCheckAndAppsProbeTheirReadinessEndpointOnTheirManagementPort() {
        services.keySet().stream()
                .filter(name -> !IMAGE_HEALTH_CHECK.contains(name))
                .forEach(name -> assertThat(service(name)).as(name).containsKey("healthcheck"));
        APPS.forEach((app, port) -> {
            int managementPort = port + 1000;
            List<String> test =
                    (List<String>) ((Map<String, Object>) service(app).get("healthcheck")).get("test");
            assertThat(environment(app))
                    .as(app)
                    .containsEntry("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
            assertThat(String.join(" ", test))
                    .as(app)
                    .contains("http://localhost:" + managementPort + "/actuator/health/readiness");
            assertThat((List<String>) service(app).get("ports"))
                    .as(app + ": the management port is not published")
                    .noneMatch(p -> p.contains(Integer.toString(managementPort)));
        });
        assertThat(yamlValue(platformDefaults(), "management.endpoint.health.probes.enabled"))
                .isEqualTo(true);
        assertThat(yamlValue(platformDefaults(), "management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesWaitForHealthyComponents() {
        services.forEach((name, definition) -> {
            Object dependsOn = ((Map<String, Object>) definition).get("depends_on");
            if (dependsOn instanceof Map<?, ?> deps) {
                deps.forEach((dep, condition) -> {
                    assertThat(services).as(name + " depends on " + dep).containsKey((String) dep);
                    assertThat(((Map<String, Object>) condition).get("condition"))
                            .as(name + " -> " + dep)
                            .isEqualTo("service_healthy");
                });
            }
        });
        APPS.keySet().stream()
                .filter(app -> !app.equals("gateway"))
                .forEach(app -> assertThat((Map<String, Object>) service(app).get("depends_on"))
                        .as(app)
                        .containsKeys("mysql", "kafka"));
        assertThat((Map<String, Object>) service("gateway").get("depends_on"))
                .containsKeys("order-service", "point-service", "coupon-service", "payment-service", "credit-service");
    }

    @Test
    void eachServiceUsesItsOwnSchemaAndUserCreatedByTheInitScript() throws IOException {
        for (String app : APPS.keySet()) {
            if (app.equals("gateway")) {
                continue;
            }
            String schema = (String) yamlValue(appConfig(app), "platform.service.schema");
            Map<String, String> env = environment(app);
            assertThat(env.get("SPRING_DATASOURCE_URL")).as(app).isEqualTo("jdbc:mysql://mysql:3306/" + schema);
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(app).isEqualTo(schema);
            assertThat(mysqlInit)
                    .as(app)
                    .contains("CREATE DATABASE IF NOT EXISTS " + schema + " ")
                    .contains("CREATE USER IF NOT EXISTS '" + schema + "'@'%' IDENTIFIED BY '"
                            + env.get("SPRING_DATASOURCE_PASSWORD") + "'");
            String flywayUser = env.get("SPRING_FLYWAY_USER");
            if (flywayUser == null) {
                assertThat(mysqlInit)
                        .as(app)
                        .contains("GRANT ALL PRIVILEGES ON " + schema + ".* TO '" + schema + "'@'%'");
            } else { // migrations as the schema's owner, the application's account granted per table (ADR 16)
                assertThat(mysqlInit)
                        .as(app)
                        .contains("CREATE USER IF NOT EXISTS '" + flywayUser + "'@'%' IDENTIFIED BY '"
                                + env.get("SPRING_FLYWAY_PASSWORD") + "'")
                        .contains("GRANT ALL PRIVILEGES ON " + schema + ".* TO '" + flywayUser
                                + "'@'%' WITH GRANT OPTION")
                        .doesNotContain("ON " + schema + ".* TO '" + schema + "'@'%'");
                assertThat(env.get("CREDIT_DATABASE_APP_ACCOUNTS")).as(app).isEqualTo("'" + schema + "'@'%'");
            }
        }
    }

    @Test
    void everyEnvironmentVariableMeansSomethingToTheAppItIsGivenTo() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String app : APPS.keySet()) {
            String sources = sourcesOf(app);
            for (String variable : environment(app).keySet()) {
                if (BOOT_ENV.matcher(variable).matches()) {
                    continue;
                }
                if (!isBound(variable, sources)) {
                    unknown.add(app + ": " + variable);
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void imagesAreTheJibImagesOfTheProjectVersion() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>platform</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(pom).contains("<image>creatorcommerce/${project.artifactId}</image>");
        APPS.keySet()
                .forEach(app -> assertThat(service(app).get("image"))
                        .as(app)
                        .isEqualTo("creatorcommerce/" + app + ":" + version.group(1)));
    }

    @Test
    void mountedFilesExist() {
        assertThat(ROOT.resolve("infra/mock-pg/mappings")).isDirectory();
        assertThat(ROOT.resolve("infra/docker/mysql-init")).isDirectory();
    }

    /**
     * Whether the app reads the property an environment variable binds to (Spring's relaxed binding: each
     * {@code _} is a {@code .} or a {@code -}): the full name appears in its sources or configuration, or a
     * {@code @ConfigurationProperties} prefix plus the camel-case rest (a record component) do; or the configuration
     * reads the variable itself as a placeholder ({@code ${OTLP_TRACING_ENDPOINT:false}}).
     */
    static boolean isBound(String variable, String sources) {
        if (sources.contains("${" + variable + ":") || sources.contains("${" + variable + "}")) {
            return true; // read as a placeholder in the configuration
        }
        String[] parts = variable.toLowerCase(Locale.ROOT).split("_");
        if (Pattern.compile(String.join("[.-]", parts), Pattern.CASE_INSENSITIVE)
                .matcher(sources)
                .find()) {
            return true;
        }
        String flat = sources.replaceAll("\\s+", " ");
        for (int k = 1; k < parts.length; k++) {
            String prefix = String.join("[.-]", java.util.Arrays.copyOfRange(parts, 0, k));
            StringBuilder camel = new StringBuilder(parts[k]);
            for (int i = k + 1; i < parts.length; i++) {
                camel.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            boolean prefixDeclared = Pattern.compile(
                            "@ConfigurationProperties\\((prefix = |value = )?\"" + prefix + "\"\\)")
                    .matcher(flat)
                    .find();
            if (prefixDeclared
                    && Pattern.compile("\\b" + camel + "\\b").matcher(flat).find()) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> platformDefaults() {
        try (InputStream in = Files.newInputStream(
                ROOT.resolve("infra/service-starter/src/main/resources/platform-service-defaults.yml"))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The app's own sources and resources plus the platform libraries it is built on. */
    static String sourcesOf(String app) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String dir : List.of(
                app + "/src/main",
                "infra/service-starter/src/main",
                "infra/security/src/main",
                "infra/messaging/src/main",
                "infra/snowflake/src/main",
                "infra/web/src/main")) {
            Path root = ROOT.resolve(dir);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    all.append(Files.readString(f)).append('\n');
                }
            }
        }
        return all.toString();
    }
}
