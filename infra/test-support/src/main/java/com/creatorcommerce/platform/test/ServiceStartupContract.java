package com.creatorcommerce.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every domain service must do once started on real infrastructure: report liveness and readiness and serve
 * Prometheus metrics on the management port only (not on the public one), have
 * run the platform libraries' migrations in its own database, hold a Snowflake worker lease, and refuse requests
 * without a valid token (problem+json). Extend it next to {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * and {@code @RealInfrastructure}.
 */
public abstract class ServiceStartupContract {

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    protected Environment environment;

    @Autowired
    protected JdbcTemplate jdbc;

    protected HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return get(environment.getProperty("local.server.port"), path, bearer);
    }

    /** On the actuator's own port ({@code management.server.port}, loopback). */
    protected HttpResponse<String> getManagement(String path, String bearer) throws IOException, InterruptedException {
        return get(environment.getProperty("local.management.port"), path, bearer);
    }

    private HttpResponse<String> get(String port, String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reportsLivenessAndReadinessWithoutATokenOnTheManagementPort() throws Exception {
        HttpResponse<String> liveness = getManagement("/actuator/health/liveness", null);
        HttpResponse<String> readiness = getManagement("/actuator/health/readiness", null);

        assertThat(environment.getProperty("local.management.port"))
                .isNotEqualTo(environment.getProperty("local.server.port"));
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
    }

    @Test
    void servesPrometheusMetricsOnTheManagementPortWithoutAToken() throws Exception {
        HttpResponse<String> metrics = getManagement("/actuator/prometheus", null);

        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void servesNoActuatorEndpointOnThePublicPortEvenToAUser() throws Exception {
        for (String path : new String[] {
            "/actuator/prometheus", "/actuator/health", "/actuator/health/readiness", "/actuator/info", "/actuator"
        }) {
            HttpResponse<String> response = get(path, TestJwt.user(42));

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("jvm_", "\"UP\"");
        }
    }

    @Test
    void migratedItsOwnDatabaseWithThePlatformTables() {
        Integer failed =
                jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0", Integer.class);
        assertThat(failed).isZero();
        assertThat(jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
                        String.class))
                .map(String::toLowerCase)
                .contains("snowflake_worker_lease", "outbox_event", "processed_message", "idempotency_key");
    }

    @Test
    void leasedASnowflakeWorkerId() {
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM snowflake_worker_lease WHERE owner IS NOT NULL", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void refusesRequestsWithoutATokenWithProblemJson() throws Exception {
        HttpResponse<String> response = get("/v1/anything", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(response.body()).contains("\"code\":\"AUTHENTICATION_REQUIRED\"");
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws Exception {
        HttpResponse<String> response = get(
                "/v1/anything",
                TestJwt.builder().subject("7").signedWithForeignKey().sign());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"INVALID_TOKEN\"");
    }

    @Test
    void acceptsAValidTokenAndKeepsAdminPathsForAdmins() throws Exception {
        assertThat(get("/v1/no-such-resource", TestJwt.user(42)).statusCode())
                .as("authenticated, unknown path")
                .isEqualTo(404);
        assertThat(get("/v1/admin/no-such-resource", TestJwt.user(42)).statusCode())
                .isEqualTo(403);
        assertThat(get("/v1/admin/no-such-resource", TestJwt.admin(1)).statusCode())
                .isEqualTo(404);
    }
}
