package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Services learn who the caller is from the gateway alone: forged identity headers never get through. */
class TrustedIdentityIT extends GatewayITSupport {

    @BeforeEach
    void everyServiceAnswers() {
        BACKENDS.values()
                .forEach(s -> s.stubFor(any(anyUrl())
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("X-Request-Id", "echoed-by-the-service")
                                .withBody("ok"))));
    }

    private LoggedRequest received(String service) {
        assertThat(backend(service).getAllServeEvents()).hasSize(1);
        return backend(service).getAllServeEvents().getFirst().getRequest();
    }

    @Test
    void replacesForgedIdentityHeadersWithTheVerifiedOnes() throws Exception {
        String token = TestJwt.user(42);
        HttpResponse<String> response = send(request("/v1/points/balance")
                .header("Authorization", "Bearer " + token)
                .header("X-User-Id", "999")
                .header("X-User-Roles", "ADMIN")
                .header("x-user-email", "boss@example.com")
                .header("X-Forwarded-User", "999")
                .header("X-Authenticated-Userid", "999")
                .header("X-Auth-Roles", "ADMIN"));

        assertThat(response.statusCode()).isEqualTo(200);
        LoggedRequest forwarded = received("point-service");
        assertThat(forwarded.getHeaders().getHeader("X-User-Id").values()).containsExactly("42");
        assertThat(forwarded.getHeaders().getHeader("X-User-Roles").values()).containsExactly("USER");
        assertThat(forwarded.containsHeader("X-User-Email")).isFalse();
        assertThat(forwarded.containsHeader("X-Forwarded-User")).isFalse();
        assertThat(forwarded.containsHeader("X-Authenticated-Userid")).isFalse();
        assertThat(forwarded.containsHeader("X-Auth-Roles")).isFalse();
        assertThat(forwarded.getHeader("Authorization"))
                .as("services verify the token again")
                .isEqualTo("Bearer " + token);
    }

    @Test
    void assertsAdminRolesFromTheToken() throws Exception {
        assertThat(get("/v1/admin/coupons", TestJwt.admin(5)).statusCode()).isEqualTo(200);

        LoggedRequest forwarded = received("coupon-service");
        assertThat(forwarded.getHeader("X-User-Id")).isEqualTo("5");
        assertThat(forwarded.getHeader("X-User-Roles")).isEqualTo("USER,ADMIN");
    }

    @Test
    void stripsIdentityHeadersFromAnonymousRequestsAndAddsNone() throws Exception {
        HttpResponse<String> response =
                send(request("/v1/products/1").header("X-User-Id", "999").header("X-User-Roles", "ADMIN"));

        assertThat(response.statusCode()).isEqualTo(200);
        LoggedRequest forwarded = received("order-service");
        assertThat(forwarded.containsHeader("X-User-Id")).isFalse();
        assertThat(forwarded.containsHeader("X-User-Roles")).isFalse();
        assertThat(forwarded.containsHeader("Authorization")).isFalse();
    }

    @Test
    void addsARequestIdWhenTheClientGaveNone() throws Exception {
        HttpResponse<String> response = get("/v1/orders", TestJwt.user(1));

        String forwarded = received("order-service").getHeader("X-Request-Id");
        assertThat(forwarded).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.headers().allValues("X-Request-Id"))
                .as("one id, the gateway's, back to the client")
                .containsExactly(forwarded);
    }

    @Test
    void keepsTheClientsRequestId() throws Exception {
        HttpResponse<String> response = send(request("/v1/orders")
                .header("Authorization", "Bearer " + TestJwt.user(1))
                .header("X-Request-Id", "client-req-123"));

        assertThat(received("order-service").getHeader("X-Request-Id")).isEqualTo("client-req-123");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("client-req-123");
    }

    @Test
    void replacesAnUnreasonableRequestId() throws Exception {
        send(request("/v1/orders")
                .header("Authorization", "Bearer " + TestJwt.user(1))
                .header("X-Request-Id", "x".repeat(300)));

        assertThat(received("order-service").getHeader("X-Request-Id")).hasSize(36);
    }

    @Test
    void givesRejectedRequestsARequestIdToo() throws Exception {
        HttpResponse<String> response = get("/v1/orders", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }
}
