package com.creatorcommerce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.WireMocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class DevTokenIT {

    static final WireMockServer ORDERS = WireMocks.start();

    @DynamicPropertySource
    static void orders(DynamicPropertyRegistry registry) {
        registry.add("platform.routes.order-service", ORDERS::baseUrl);
    }

    @AfterAll
    static void stop() {
        ORDERS.stop();
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void issuesATokenTheGatewayAccepts() throws Exception {
        HttpResponse<String> response = post("/auth/dev-token", "{\"user_id\":\"1001\",\"roles\":[\"USER\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"token_type\":\"Bearer\"").contains("\"expires_in\":3600");
        String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertThat(get("/v1/anything", token).statusCode()).as("authenticated; no route yet").isEqualTo(404);
        assertThat(get("/v1/admin/anything", token).statusCode()).isEqualTo(403);
    }

    @Test
    void forwardsTheDevUsersIdentityToTheService() throws Exception {
        ORDERS.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(200)));
        String token = post("/auth/dev-token", "{\"user_id\":\"2002\",\"roles\":[\"USER\",\"ADMIN\"]}").body()
                .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        assertThat(get("/v1/admin/sagas", token).statusCode()).isEqualTo(200);
        var received = ORDERS.getAllServeEvents().getFirst().getRequest();
        assertThat(received.getHeader("X-User-Id")).isEqualTo("2002");
        assertThat(received.getHeader("X-User-Roles")).isEqualTo("USER,ADMIN");
    }

    @Test
    void acceptsOnlyTheDevSecretsTokens() throws Exception {
        assertThat(get("/v1/orders", TestJwt.builder().subject("3")
                .hmac("another-secret-that-is-long-enough-0123456789".getBytes()).sign()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void refusesAnInvalidUserIdOrRole() throws Exception {
        HttpResponse<String> badUser = post("/auth/dev-token", "{\"user_id\":\"abc\"}");
        HttpResponse<String> badRole = post("/auth/dev-token", "{\"user_id\":\"1\",\"roles\":[\"ROOT\"]}");

        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(badUser.body()).contains("VALIDATION_FAILED");
        assertThat(badRole.statusCode()).isEqualTo(400);
    }
}
