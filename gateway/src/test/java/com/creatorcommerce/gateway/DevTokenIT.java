package com.creatorcommerce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class DevTokenIT {

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
    void refusesAnInvalidUserIdOrRole() throws Exception {
        HttpResponse<String> badUser = post("/auth/dev-token", "{\"user_id\":\"abc\"}");
        HttpResponse<String> badRole = post("/auth/dev-token", "{\"user_id\":\"1\",\"roles\":[\"ROOT\"]}");

        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(badUser.body()).contains("VALIDATION_FAILED");
        assertThat(badRole.statusCode()).isEqualTo(400);
    }
}
