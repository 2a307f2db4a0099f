package com.creatorcommerce.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.WireMocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        return post(path, "application/json", json);
    }

    /** POST with the given Content-Type (none if null) and body (none if null). */
    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The answer is a 400 RFC 9457 problem like every other problem of the gateway (problem+json, {@code type},
     * {@code status}, a stable {@code code}, {@code instance}, {@code request_id}, {@code errors[]}) and no token.
     */
    private JsonNode assertBadRequest(String what, HttpResponse<String> response, String code) {
        assertThat(response.statusCode()).as(what + " -> " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
        assertThat(response.body()).as(what).doesNotContain("access_token");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("type").asString()).as(what).isEqualTo("about:blank");
        assertThat(problem.path("title").asString()).as(what).isEqualTo("Bad Request");
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
        assertThat(problem.path("code").asString()).as(what).isEqualTo(code);
        assertThat(problem.path("detail").asString()).as(what).isNotBlank();
        assertThat(problem.path("instance").asString()).as(what).isEqualTo("/auth/dev-token");
        assertThat(problem.path("request_id").asString())
                .as(what)
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(problem.path("errors").isArray()).as(what).isTrue();
        return problem;
    }

    /** 400 VALIDATION_FAILED naming the one field at fault. */
    private void assertInvalidField(String body, String field) throws Exception {
        JsonNode problem = assertBadRequest(body, post("/auth/dev-token", body), "VALIDATION_FAILED");
        assertThat(problem.path("errors")).as(body).hasSize(1);
        assertThat(problem.path("errors").get(0).path("field").asString())
                .as(body)
                .isEqualTo(field);
        assertThat(problem.path("errors").get(0).path("message").asString())
                .as(body)
                .isNotBlank();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void issuesATokenTheGatewayAccepts() throws Exception {
        HttpResponse<String> response = post("/auth/dev-token", "{\"user_id\":\"1001\",\"roles\":[\"USER\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"token_type\":\"Bearer\"").contains("\"expires_in\":3600");
        String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertThat(get("/v1/anything", token).statusCode())
                .as("authenticated; no route yet")
                .isEqualTo(404);
        assertThat(get("/v1/admin/anything", token).statusCode()).isEqualTo(403);
    }

    @Test
    void forwardsTheDevUsersIdentityToTheService() throws Exception {
        ORDERS.stubFor(
                WireMock.any(WireMock.anyUrl()).willReturn(WireMock.aResponse().withStatus(200)));
        String token = post("/auth/dev-token", "{\"user_id\":\"2002\",\"roles\":[\"USER\",\"ADMIN\"]}")
                .body()
                .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        assertThat(get("/v1/admin/sagas", token).statusCode()).isEqualTo(200);
        var received = ORDERS.getAllServeEvents().getFirst().getRequest();
        assertThat(received.getHeader("X-User-Id")).isEqualTo("2002");
        assertThat(received.getHeader("X-User-Roles")).isEqualTo("USER,ADMIN");
    }

    @Test
    void acceptsOnlyTheDevSecretsTokens() throws Exception {
        assertThat(get(
                                "/v1/orders",
                                TestJwt.builder()
                                        .subject("3")
                                        .hmac("another-secret-that-is-long-enough-0123456789".getBytes())
                                        .sign())
                        .statusCode())
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

    @Test
    void aNullRoleIs400NotA500() throws Exception {
        assertInvalidField("{\"user_id\":\"1\",\"roles\":[null]}", "roles[0]");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":[\"USER\",null]}", "roles[1]");
    }

    @Test
    void rolesThatAreNotAListOfNamesAre400() throws Exception {
        assertInvalidField("{\"user_id\":\"1\",\"roles\":\"USER\"}", "roles");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":{\"USER\":true}}", "roles");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":42}", "roles");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":true}", "roles");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":[{\"name\":\"USER\"}]}", "roles[0]");
    }

    @Test
    void anEmptyOrUnknownRoleIs400() throws Exception {
        assertInvalidField("{\"user_id\":\"1\",\"roles\":[\"\"]}", "roles[0]");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":[\" \"]}", "roles[0]");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":[\"ROOT\"]}", "roles[0]");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":[\"user\"]}", "roles[0]");
        assertInvalidField("{\"user_id\":\"1\",\"roles\":[\"USER\",\"SUPERUSER\"]}", "roles[1]");
    }

    @Test
    void aMissingOrInvalidUserIdIs400() throws Exception {
        for (String body : List.of(
                "{}",
                "{\"roles\":[\"USER\"]}",
                "{\"user_id\":null}",
                "{\"user_id\":\"\"}",
                "{\"user_id\":\"abc\"}",
                "{\"user_id\":\"12abc\"}",
                "{\"user_id\":\"-5\"}",
                "{\"user_id\":-5}",
                "{\"user_id\":\"0\"}",
                "{\"user_id\":\"1.5\"}",
                "{\"user_id\":1.5}",
                "{\"user_id\":true}",
                "{\"user_id\":\"9223372036854775808\"}",
                "{\"user_id\":\"99999999999999999999\"}",
                "{\"user_id\":99999999999999999999}",
                "{\"user_id\":1e400}",
                "{\"user_id\":{\"id\":1}}",
                "{\"user_id\":[\"1\"]}")) {
            assertInvalidField(body, "user_id");
        }
        // no body at all: the user id is missing
        JsonNode problem =
                assertBadRequest("no body", post("/auth/dev-token", "application/json", null), "VALIDATION_FAILED");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("user_id");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400() throws Exception {
        for (String body : List.of(
                "not json",
                "{\"user_id\":\"1\"",
                "{user_id: 1}",
                "[]",
                "[{\"user_id\":\"1\"}]",
                "\"1001\"",
                "1001",
                "true")) {
            assertBadRequest(body, post("/auth/dev-token", body), "MALFORMED_REQUEST");
        }
    }

    @Test
    void aBodyNotSentAsJsonIs400() throws Exception {
        String body = "{\"user_id\":\"1\"}";
        for (String contentType : List.of(
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/xml",
                "application/octet-stream",
                "application/json; charset=not-a-charset")) {
            assertBadRequest(contentType, post("/auth/dev-token", contentType, body), "MALFORMED_REQUEST");
        }
        assertBadRequest("no Content-Type", post("/auth/dev-token", null, body), "MALFORMED_REQUEST");
        assertBadRequest(
                "user_id=1 as a form",
                post("/auth/dev-token", "application/x-www-form-urlencoded", "user_id=1&roles=USER"),
                "MALFORMED_REQUEST");
    }

    @Test
    void aBodyAboveTheDecodersLimitStaysA413() throws Exception {
        String body = "{\"user_id\":\"1\",\"pad\":\"" + "x".repeat(300_000) + "\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/dev-token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                                body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"").doesNotContain("access_token");
    }

    @Test
    void theDocumentedVariantsStillIssueATokenWithKnownRolesOnly() throws Exception {
        Map<String, String> expectedRoles = Map.of(
                "{\"user_id\":\"11\"}", "[\"USER\"]",
                "{\"user_id\":\"12\",\"roles\":[]}", "[\"USER\"]",
                "{\"user_id\":\"13\",\"roles\":null}", "[\"USER\"]",
                "{\"user_id\":14,\"roles\":[\"ADMIN\",\"USER\",\"ADMIN\"]}", "[\"ADMIN\",\"USER\"]");
        for (var entry : expectedRoles.entrySet()) {
            HttpResponse<String> response = post("/auth/dev-token", "application/json; charset=UTF-8", entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(200);
            String token = JsonMapper.shared()
                    .readTree(response.body())
                    .path("access_token")
                    .asString();
            String claims = new String(
                    java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(JsonMapper.shared().readTree(claims).path("roles").toString())
                    .as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
    }
}
