package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Per user with a token, per IP without: over the limit is 429 problem+json with Retry-After, no service call. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.gateway.rate-limit.user.capacity=3",
            "platform.gateway.rate-limit.user.refill-per-second=0.2",
            "platform.gateway.rate-limit.anonymous.capacity=2",
            "platform.gateway.rate-limit.anonymous.refill-per-second=0.2"
        })
class RateLimitIT extends GatewayITSupport {

    @BeforeEach
    void everyServiceAnswers() {
        BACKENDS.values()
                .forEach(s -> s.stubFor(
                        any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok"))));
    }

    @Test
    void limitsEachUserSeparately() throws Exception {
        String alice = TestJwt.user(1001);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = get("/v1/orders", alice);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
        }
        HttpResponse<String> limited = get("/v1/orders", alice);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"");
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 5));
        assertThat(backend("order-service").getAllServeEvents())
                .as("the limited call never left the gateway")
                .hasSize(3);
        assertThat(get("/v1/orders", TestJwt.admin(1002)).statusCode())
                .as("another user has their own bucket")
                .isEqualTo(200);
        assertThat(get("/v1/points/balance", alice).statusCode())
                .as("the limit is per user, across routes")
                .isEqualTo(429);
    }

    @Test
    void limitsAnonymousClientsPerIp() throws Exception {
        assertThat(get("/v1/products", null).statusCode()).isEqualTo(200);
        assertThat(get("/v1/credits/packages", null).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = get("/v1/products", null);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(totalRequestsReceived()).isEqualTo(2);
        assertThat(get("/v1/products", TestJwt.user(1003)).statusCode())
                .as("a signed-in user on the same IP is counted as that user")
                .isEqualTo(200);
    }
}
