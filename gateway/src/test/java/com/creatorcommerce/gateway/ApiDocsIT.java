package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Swagger UI at the gateway lists every service's OpenAPI document, fetched through the gateway, with the gateway
 * as server; the bearer scheme the documents declare is kept, and "Try it out" (the document's server + an operation's
 * path, with the token) reaches the service through the gateway.
 */
class ApiDocsIT extends GatewayITSupport {

    @BeforeEach
    void everyServicePublishesItsDocument() {
        BACKENDS.forEach((name, server) -> server.stubFor(WireMock.get(urlEqualTo("/v3/api-docs"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"openapi":"3.1.0","info":{"title":"%s","version":"1"},"servers":[{"url":"%s"}],
                         "security":[{"bearerAuth":[]}],
                         "paths":{"/v1/points/balance":{"get":{"operationId":"getPointBalance",
                           "responses":{"200":{"description":"OK"}}}}},
                         "components":{"securitySchemes":{"bearerAuth":{"type":"http","scheme":"bearer",
                           "bearerFormat":"JWT"}}}}""".formatted(name, server.baseUrl())))));
    }

    @Test
    void servesEachServicesDocumentWithTheGatewayAsServerAndItsBearerScheme() throws Exception {
        for (String service : SERVICES) {
            HttpResponse<String> response = get("/v3/api-docs/" + service, null);

            assertThat(response.statusCode()).as(service).isEqualTo(200);
            JsonNode doc = JsonMapper.shared().readTree(response.body());
            assertThat(doc.path("info").path("title").asString()).isEqualTo(service);
            assertThat(doc.path("servers")).hasSize(1);
            assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("/");
            assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asString())
                    .isEqualTo("bearer");
            assertThat(doc.at("/security/0").has("bearerAuth")).isTrue();
            assertThat(backend(service).getAllServeEvents()).hasSize(1);
        }
    }

    @Test
    void listsEveryServiceInSwaggerUiWhichKeepsTheTokenAndShowsOperationIds() throws Exception {
        HttpResponse<String> config = get("/v3/api-docs/gateway/swagger-config", null);

        assertThat(config.statusCode()).isEqualTo(200);
        for (String service : SERVICES) {
            assertThat(config.body()).contains("\"url\":\"/v3/api-docs/" + service + "\"");
        }
        assertThat(config.body())
                .as("the gateway's own document (the dev token endpoint in the dev profile)")
                .contains("\"url\":\"/v3/api-docs/gateway\"");
        assertThat(get("/v3/api-docs/gateway", null).statusCode()).isEqualTo(200);
        JsonNode settings = JsonMapper.shared().readTree(config.body());
        assertThat(settings.path("persistAuthorization").asBoolean()).isTrue();
        assertThat(settings.path("displayOperationId").asBoolean()).isTrue();
        HttpResponse<String> ui = get("/swagger-ui.html", null);
        assertThat(ui.statusCode()).isEqualTo(302);
        String location = ui.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = get(location.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void tryItOutCallsTheOperationThroughTheGatewayWithTheToken() throws Exception {
        backend("point-service")
                .stubFor(WireMock.get(urlEqualTo("/v1/points/balance")).willReturn(okJson("{\"balance\":0}")));
        JsonNode doc = JsonMapper.shared()
                .readTree(get("/v3/api-docs/point-service", null).body());
        String server = doc.at("/servers/0/url").asString();
        String path = doc.path("paths").propertyNames().iterator().next();
        String url = server.replaceFirst("/$", "") + path;

        HttpResponse<String> anonymous = get(url, null);
        assertThat(anonymous.statusCode())
                .as("the gateway asks for the token the document declares")
                .isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> authorized = get(url, TestJwt.user(4242));

        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(200);
        assertThat(authorized.body()).isEqualTo("{\"balance\":0}");
        backend("point-service")
                .verify(
                        1,
                        getRequestedFor(urlEqualTo("/v1/points/balance"))
                                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void passesTheServicesAnswerOnWhenItHasNoDocument() throws Exception {
        BACKENDS.get("payment-service").resetAll();
        HttpResponse<String> response = get("/v3/api-docs/payment-service", null);

        assertThat(response.statusCode())
                .as("WireMock without a stub answers 404")
                .isEqualTo(404);
    }
}
