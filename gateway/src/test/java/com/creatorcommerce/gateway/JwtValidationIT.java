package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way a token can be wrong is a 401 problem+json with WWW-Authenticate, and the service is never called. */
class JwtValidationIT extends GatewayITSupport {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @BeforeEach
    void everyServiceAnswers() {
        BACKENDS.values()
                .forEach(s -> s.stubFor(any(anyUrl())
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"ok\":true}"))));
    }

    private void assertRejected(String token, String why) throws Exception {
        HttpResponse<String> response = get("/v1/orders", token);
        assertThat(response.statusCode()).as(why).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).as(why).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .as(why)
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer").contains("error=\"invalid_token\""));
        assertThat(response.body())
                .as(why)
                .contains("\"code\":\"INVALID_TOKEN\"")
                .contains("\"status\":401")
                .doesNotContain("Exception");
        assertThat(totalRequestsReceived()).as(why + ": no service was called").isZero();
    }

    @Test
    void acceptsAValidTokenAndForwardsTheRequest() throws Exception {
        HttpResponse<String> response = get("/v1/orders", TestJwt.user(7));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
        assertThat(backend("order-service").getAllServeEvents()).hasSize(1);
    }

    @Test
    void refusesAMissingTokenWithAChallenge() throws Exception {
        HttpResponse<String> response = get("/v1/orders", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("AUTHENTICATION_REQUIRED");
        assertThat(totalRequestsReceived()).isZero();
    }

    @Test
    void refusesAlgNone() throws Exception {
        String[] valid = TestJwt.user(7).split("\\.");
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRejected(header + "." + valid[1] + ".", "alg none");
        assertRejected(header + "." + valid[1] + "." + valid[2], "alg none with a signature");
    }

    @Test
    void refusesAnUnknownKeyId() throws Exception {
        assertRejected(TestJwt.builder().subject("7").keyId("some-other-key").sign(), "unknown kid");
    }

    @Test
    void refusesATamperedPayload() throws Exception {
        String genuine = TestJwt.user(7);
        assertThat(get("/v1/orders", genuine).statusCode())
                .as("the genuine token, now remembered")
                .isEqualTo(200);
        BACKENDS.values().forEach(WireMockServer::resetRequests);
        String[] parts = genuine.split("\\.");
        String payload = new String(B64D.decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"sub\":\"7\"", "\"sub\":\"8\"").replace("[\"USER\"]", "[\"USER\",\"ADMIN\"]");
        assertThat(forged).isNotEqualTo(payload);
        assertRejected(
                parts[0] + "." + B64.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2],
                "tampered payload");
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws Exception {
        assertRejected(TestJwt.builder().subject("7").signedWithForeignKey().sign(), "foreign key, same kid");
    }

    @Test
    void refusesAnHs256TokenOutsideTheDevProfile() throws Exception {
        byte[] devSecret = "dev-only-secret-change-me-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        assertRejected(TestJwt.builder().subject("7").hmac(devSecret).sign(), "HS256 in production mode");
    }

    @Test
    void refusesAnExpiredTokenBeyondTheClockSkew() throws Exception {
        assertRejected(
                TestJwt.builder()
                        .subject("7")
                        .expiresAt(Instant.now().minus(Duration.ofMinutes(2)))
                        .sign(),
                "expired 2 minutes ago");
    }

    @Test
    void toleratesASmallClockSkewOnExpiry() throws Exception {
        // TestJwt stamps iat = now, so the token must really age past its exp (iat after exp is refused)
        Instant exp = Instant.now().plusSeconds(1);
        String justExpired = TestJwt.builder().subject("7").expiresAt(exp).sign();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), exp).toMillis()) + 2_000);

        assertThat(Instant.now()).isAfter(exp.plusSeconds(1));
        assertThat(get("/v1/orders", justExpired).statusCode())
                .as("expired ~2 s ago, skew is 30 s")
                .isEqualTo(200);
    }

    @Test
    void refusesATokenWithoutExpiry() throws Exception {
        assertRejected(TestJwt.builder().subject("7").expiresAt(null).sign(), "no exp");
    }

    @Test
    void refusesATokenNotYetValid() throws Exception {
        assertRejected(
                TestJwt.builder()
                        .subject("7")
                        .notBefore(Instant.now().plus(Duration.ofMinutes(5)))
                        .sign(),
                "nbf in 5 minutes");
    }

    @Test
    void refusesAWrongIssuer() throws Exception {
        assertRejected(
                TestJwt.builder()
                        .subject("7")
                        .issuer("https://evil.example.com")
                        .sign(),
                "wrong iss");
    }

    @Test
    void refusesAWrongAudience() throws Exception {
        assertRejected(TestJwt.builder().subject("7").audience("another-api").sign(), "wrong aud");
    }

    @Test
    void refusesASubjectThatIsNotAUserId() throws Exception {
        assertRejected(TestJwt.builder().subject("alice").sign(), "non-numeric sub");
    }

    @Test
    void refusesGarbage() throws Exception {
        assertRejected("not.a.jwt", "garbage");
        assertRejected("eyJhbGciOiJSUzI1NiJ9 with spaces", "not a b64token");
    }

    @Test
    void acceptsTheSchemeInAnyCase() throws Exception {
        HttpResponse<String> response =
                send(request("/v1/orders").header("Authorization", "bearer " + TestJwt.user(7)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesTwoAuthorizationHeaders() throws Exception {
        HttpResponse<String> response = send(request("/v1/orders")
                .header("Authorization", "Bearer " + TestJwt.user(7))
                .header("Authorization", "Bearer " + TestJwt.user(8)));
        assertThat(response.statusCode()).isIn(400, 401);
        assertThat(totalRequestsReceived()).isZero();
    }

    @Test
    void verifiesATokenSentToAPublicPath() throws Exception {
        assertThat(get("/v1/products", null).statusCode())
                .as("anonymous browsing")
                .isEqualTo(200);
        HttpResponse<String> badToken = get(
                "/v1/products",
                TestJwt.builder().subject("7").signedWithForeignKey().sign());
        assertThat(badToken.statusCode())
                .as("an invalid token is never ignored")
                .isEqualTo(401);
        assertThat(backend("order-service").getAllServeEvents()).hasSize(1);
    }

    /**
     * A refused token-bearing request used to leave its keep-alive connection unable to answer the next request now
     * and then (an anonymous GET after a 403 timed out). Each request here would time out after 20 s if unanswered.
     */
    @Test
    void everyRequestIsAnsweredAfterARefusedTokenOnTheSameClient() throws Exception {
        String user = TestJwt.user(7);
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> denied = get("/v1/admin/products", i % 2 == 0 ? user : "not.a.token");
            assertThat(denied.statusCode()).isIn(401, 403);
            assertThat(denied.headers().firstValue("Connection"))
                    .as("refusals close the connection")
                    .hasValue("close");
            assertThat(get("/v1/admin/products", null).statusCode())
                    .as("anonymous request " + i)
                    .isEqualTo(401);
        }
        assertThat(totalRequestsReceived()).isZero();
    }

    @Test
    void needsAdminForAdminPaths() throws Exception {
        for (String path : List.of(
                "/v1/admin/products",
                "/v1/admin/sagas",
                "/v1/admin/coupons/3",
                "/v1/admin/credits/packages",
                "/v1/admin/settlements")) {
            HttpResponse<String> user = get(path, TestJwt.user(7));
            assertThat(user.statusCode()).as(path).isEqualTo(403);
            assertThat(user.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(user.body()).contains("\"code\":\"FORBIDDEN\"");
            assertThat(get(path, null).statusCode()).as(path + " anonymous").isEqualTo(401);
        }
        assertThat(totalRequestsReceived()).isZero();
        assertThat(get("/v1/admin/sagas?state=STUCK", TestJwt.admin(1)).statusCode())
                .isEqualTo(200);
        assertThat(backend("order-service").getAllServeEvents()).hasSize(1);
    }

    @Test
    void servesActuatorOnItsOwnPortWithoutATokenAndNotOnThePublicPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(getManagement("/actuator/health/readiness", null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> routes = getManagement("/actuator/gateway/routes", null);
        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body()).contains("order-service", "credit-service");
        HttpResponse<String> metrics = getManagement("/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");

        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/gateway/routes"}) {
            assertThat(get(path, null).statusCode()).as(path + " anonymous").isEqualTo(401);
            HttpResponse<String> asAdmin = get(path, TestJwt.admin(1));
            assertThat(asAdmin.statusCode()).as(path + " admin, public port").isEqualTo(404);
            assertThat(asAdmin.body()).doesNotContain("jvm_", "order-service");
        }
        assertThat(totalRequestsReceived()).isZero();
    }
}
