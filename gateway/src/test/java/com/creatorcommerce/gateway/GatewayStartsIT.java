package com.creatorcommerce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayStartsIT {

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwt.jwk-set-location", TestJwt::jwkSetLocation);
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Value("${local.management.port}")
    int managementPort;

    @Test
    void reportsReadinessWithoutATokenOnTheManagementPort() throws Exception {
        HttpResponse<String> readiness = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"");
    }

    @Test
    void refusesMissingAndForeignTokensWithProblemJson() throws Exception {
        HttpResponse<String> missing = get("/v1/products/1/like", null);
        HttpResponse<String> foreign =
                get("/v1/orders", TestJwt.builder().signedWithForeignKey().sign());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("AUTHENTICATION_REQUIRED");
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(foreign.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    }

    @Test
    void hasNoDevTokenEndpointOutsideTheDevProfile() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/dev-token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(401, 404);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void keepsAdminPathsForAdmins() throws Exception {
        assertThat(get("/v1/admin/coupons", TestJwt.user(5)).statusCode()).isEqualTo(403);
    }
}
