package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.WireMocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that is down, slow or failing costs the client a fast 503/504 problem+json, never a hang: 300 ms route
 * timeouts here, and circuit breakers that open after 4 calls with at least half failed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.gateway.timeouts.order-service=300",
            "platform.gateway.timeouts.point-service=300",
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=30s"
        })
class ResilienceIT {

    static final WireMockServer ORDERS = WireMocks.start();
    static final WireMockServer POINTS = WireMocks.start();
    static final WireMockServer COUPONS = WireMocks.start();
    static final WireMockServer CREDITS = WireMocks.start();
    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwt.jwk-set-location", TestJwt::jwkSetLocation);
        registry.add("platform.routes.order-service", ORDERS::baseUrl);
        registry.add("platform.routes.point-service", POINTS::baseUrl);
        registry.add("platform.routes.coupon-service", COUPONS::baseUrl);
        registry.add("platform.routes.credit-service", CREDITS::baseUrl);
        registry.add("platform.routes.payment-service", () -> "http://127.0.0.1:" + CLOSED_PORT);
    }

    @AfterAll
    static void stop() {
        ORDERS.stop();
        POINTS.stop();
        COUPONS.stop();
        CREDITS.stop();
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Timed(HttpResponse<String> response, long millis) {}

    private Timed get(String path) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + TestJwt.user(11))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Timed(response, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void answersASlowServiceWith504AtTheRouteTimeout() throws Exception {
        ORDERS.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("late")));

        Timed call = get("/v1/orders/1");

        assertThat(call.response().statusCode()).isEqualTo(504);
        assertThat(call.millis())
                .as("bounded by the 300 ms route timeout, not the 3 s service")
                .isLessThan(2000);
        assertThat(call.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(call.response().body())
                .contains("\"code\":\"UPSTREAM_TIMEOUT\"")
                .contains("\"service\":\"order-service\"");
    }

    @Test
    void answersAServiceThatIsDownWith503AtOnce() throws Exception {
        Timed call = get("/v1/payments");

        assertThat(call.response().statusCode()).isEqualTo(503);
        assertThat(call.millis()).isLessThan(1000);
        assertThat(call.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(call.response().body())
                .contains("\"code\":\"SERVICE_UNAVAILABLE\"")
                .contains("\"service\":\"payment-service\"")
                .doesNotContain("Exception");
    }

    @Test
    void opensTheCircuitAfterRepeatedTimeoutsAndThenAnswers503WithoutCallingTheService() throws Exception {
        POINTS.stubFor(any(anyUrl())
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody("late")));
        COUPONS.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("fine")));

        for (int i = 0; i < 4; i++) {
            assertThat(get("/v1/points/balance").response().statusCode())
                    .as("call %d", i)
                    .isEqualTo(504);
        }
        assertThat(POINTS.getAllServeEvents()).hasSize(4);

        for (int i = 0; i < 5; i++) {
            Timed call = get("/v1/points/balance");
            assertThat(call.response().statusCode()).isEqualTo(503);
            assertThat(call.millis()).as("open circuit answers without waiting").isLessThan(250);
            assertThat(call.response().body())
                    .contains("\"code\":\"SERVICE_UNAVAILABLE\"")
                    .contains("\"service\":\"point-service\"");
            assertThat(call.response().headers().firstValue("Retry-After")).hasValue("30");
        }
        assertThat(POINTS.getAllServeEvents())
                .as("the open circuit kept calls away from the service")
                .hasSize(4);
        assertThat(get("/v1/coupons").response().statusCode())
                .as("other routes unaffected")
                .isEqualTo(200);
    }

    @Test
    void passesServiceErrorsThroughWithoutOpeningTheCircuit() throws Exception {
        CREDITS.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"code\":\"INTERNAL_ERROR\"}")));

        for (int i = 0; i < 8; i++) {
            Timed call = get("/v1/credits/balance");
            assertThat(call.response().statusCode()).isEqualTo(500);
            assertThat(call.response().body()).isEqualTo("{\"code\":\"INTERNAL_ERROR\"}");
        }
        assertThat(CREDITS.getAllServeEvents()).hasSize(8);
    }
}
