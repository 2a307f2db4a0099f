package com.creatorcommerce.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.security.testapp.SecurityTestApplication;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service secured by {@link ServiceSecurityAutoConfiguration}, on a real loopback port, whose configured public
 * paths also match admin paths (subclasses choose how): {@code /v1/admin/**} must still need role ADMIN, while the
 * public non-admin path stays open.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AdminPathsITSupport {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    @Value("${platform.security.jwt.hmac-secret}")
    String secret;

    @Test
    void anAdminPathWithoutATokenIs401() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/admin/reports", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith(ProblemJson.MEDIA_TYPE));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        assertThat(response.body())
                .contains("\"code\":\"AUTHENTICATION_REQUIRED\"")
                .doesNotContain("\"admin\"");
    }

    @Test
    void anAdminPathWithAUserTokenIs403ForEveryMethod() throws Exception {
        String user = token(1001, List.of(Roles.USER));

        for (String method : List.of("GET", "POST")) {
            HttpResponse<String> response = send(method, "/v1/admin/reports", user);
            assertThat(response.statusCode()).as(method).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith(ProblemJson.MEDIA_TYPE));
            assertThat(response.body())
                    .as(method)
                    .contains("\"code\":\"FORBIDDEN\"")
                    .doesNotContain("\"admin\"");
        }
    }

    @Test
    void theAdminRootAndItsVariantsAreProtectedToo() throws Exception {
        assertThat(send("GET", "/v1/admin", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v1/admin/reports/", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/v1/admin/reports", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v1/admin", token(1002, List.of(Roles.USER))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anAdminTokenReachesTheAdminPath() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/admin/reports", token(7, List.of(Roles.USER, Roles.ADMIN)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"admin\":true");
    }

    @Test
    void thePublicNonAdminPathStaysOpen() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/catalog", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"public\":true");
    }

    HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"));
        if (!method.equals("GET")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A valid HS256 token for the service's dev secret, as the gateway's dev token endpoint would issue it. */
    String token(long userId, List<String> roles) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(JwtProperties.DEFAULT_ISSUER)
                .audience(JwtProperties.DEFAULT_AUDIENCE)
                .subject(Long.toString(userId))
                .claim(Roles.CLAIM, roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
