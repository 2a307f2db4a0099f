package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import com.creatorcommerce.platform.test.WireMocks;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production mode: keys come from the identity provider's JWK set URI (here a loopback WireMock). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwkSetUriIT {

    static final WireMockServer IDP = WireMocks.start();
    static final WireMockServer ORDERS = WireMocks.start();

    static {
        try {
            String jwks = Files.readString(Path.of(URI.create(TestJwt.jwkSetLocation())));
            IDP.stubFor(get(urlEqualTo("/.well-known/jwks.json"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody(jwks)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ORDERS.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwt.jwk-set-uri", () -> IDP.baseUrl() + "/.well-known/jwks.json");
        registry.add("platform.routes.order-service", ORDERS::baseUrl);
    }

    @AfterAll
    static void stop() {
        IDP.stop();
        ORDERS.stop();
    }

    @Value("${local.server.port}")
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private int status(String token) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/orders"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void verifiesTokensWithTheProvidersKeysAndDoesNotRefetchThemPerToken() throws Exception {
        assertThat(status(TestJwt.user(21))).isEqualTo(200);
        assertThat(status(TestJwt.builder().subject("21").signedWithForeignKey().sign()))
                .isEqualTo(401);
        for (int i = 0; i < 5; i++) {
            assertThat(status(TestJwt.builder()
                            .subject("21")
                            .keyId("rotated-" + i)
                            .sign()))
                    .isEqualTo(401);
            assertThat(status(TestJwt.user(22))).isEqualTo(200);
        }

        assertThat(ORDERS.getAllServeEvents()).hasSize(6);
        int fetches = IDP.findAll(getRequestedFor(urlEqualTo("/.well-known/jwks.json")))
                .size();
        assertThat(fetches)
                .as("keys cached; unknown kids refetch at most once per 30 s")
                .isBetween(1, 2);
    }
}
