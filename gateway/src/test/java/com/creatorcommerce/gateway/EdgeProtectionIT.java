package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CORS for the configured web origin only, and the request body size limit (64 KB in these tests). */
class EdgeProtectionIT extends GatewayITSupport {

    private static final String ORIGIN = "https://shop.example.com";

    @BeforeEach
    void everyServiceAnswers() {
        BACKENDS.values()
                .forEach(s -> s.stubFor(any(anyUrl())
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Access-Control-Allow-Origin", "*")
                                .withBody("ok"))));
    }

    @Test
    void answersAPreflightFromAnAllowedOriginWithoutAToken() throws Exception {
        HttpResponse<String> response = send(request("/v1/orders")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
                .hasValueSatisfying(m -> assertThat(m).contains("POST"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(h -> assertThat(h.toLowerCase()).contains("authorization", "idempotency-key"));
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("1800");
        assertThat(totalRequestsReceived())
                .as("a preflight never reaches a service")
                .isZero();
    }

    @Test
    void refusesAPreflightFromAnotherOrigin() throws Exception {
        HttpResponse<String> response = send(request("/v1/orders")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(totalRequestsReceived()).isZero();
    }

    @Test
    void sendsOneAllowOriginHeaderOnACrossOriginCall() throws Exception {
        HttpResponse<String> response = send(
                request("/v1/orders").header("Origin", ORIGIN).header("Authorization", "Bearer " + TestJwt.user(1)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(h -> assertThat(h).contains("X-Request-Id"));
    }

    @Test
    void refusesADeclaredBodyAboveTheLimitWith413() throws Exception {
        HttpResponse<String> response = send(request("/v1/orders")
                .header("Authorization", "Bearer " + TestJwt.user(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024 + 1])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"").contains("\"max_bytes\":65536");
        assertThat(totalRequestsReceived()).isZero();
    }

    @Test
    void refusesAChunkedBodyAboveTheLimitWith413() throws Exception {
        backend("order-service")
                .stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(
                                aResponse().withStatus(200).withFixedDelay(500).withBody("read it all")));

        HttpResponse<String> response = send(request("/v1/orders")
                .header("Authorization", "Bearer " + TestJwt.user(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[200_000]))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void acceptsABodyAtTheLimit() throws Exception {
        HttpResponse<String> declared = send(request("/v1/orders")
                .header("Authorization", "Bearer " + TestJwt.user(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[64 * 1024])));
        HttpResponse<String> chunked = send(request("/v1/orders")
                .header("Authorization", "Bearer " + TestJwt.user(1))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[60_000]))));

        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(chunked.statusCode()).isEqualTo(200);
        assertThat(backend("order-service").getAllServeEvents()).hasSize(2);
        assertThat(backend("order-service")
                        .getAllServeEvents()
                        .getFirst()
                        .getRequest()
                        .getBody())
                .hasSize(60_000);
    }
}
