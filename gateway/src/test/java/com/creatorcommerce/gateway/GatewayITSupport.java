package com.creatorcommerce.gateway;

import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.WireMocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random loopback port in front of five real HTTP servers (WireMock on loopback), one per service,
 * verifying RS256 tokens from {@link TestJwt}'s JWK set file. Subclasses share one Spring context.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.gateway.cors.allowed-origins=https://shop.example.com",
            "platform.gateway.max-request-size=64KB"
        })
public abstract class GatewayITSupport {

    public static final String[] SERVICES = {
        "order-service", "point-service", "coupon-service", "payment-service", "credit-service"
    };
    protected static final Map<String, WireMockServer> BACKENDS = new LinkedHashMap<>();

    static {
        for (String service : SERVICES) {
            BACKENDS.put(service, WireMocks.start());
        }
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwt.jwk-set-location", TestJwt::jwkSetLocation);
        BACKENDS.forEach((service, server) -> registry.add("platform.routes." + service, server::baseUrl));
    }

    @Value("${local.server.port}")
    protected int port;

    /** Actuator's own loopback port (management.server.port). */
    @Value("${local.management.port}")
    protected int managementPort;

    protected final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @BeforeEach
    void resetBackends() {
        BACKENDS.values().forEach(WireMockServer::resetAll);
    }

    protected static WireMockServer backend(String service) {
        return BACKENDS.get(service);
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = request(path);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    /** A GET on the actuator's own port. */
    protected HttpResponse<String> getManagement(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    protected static int totalRequestsReceived() {
        return BACKENDS.values().stream()
                .mapToInt(s -> s.getAllServeEvents().size())
                .sum();
    }
}
