package com.creatorcommerce.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One Swagger UI at the gateway lists every service's OpenAPI document, fetched through the gateway. */
class ApiDocsIT extends GatewayITSupport {

    @BeforeEach
    void everyServicePublishesItsDocument() {
        BACKENDS.forEach((name, server) -> server.stubFor(WireMock.get(urlEqualTo("/v3/api-docs")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "\",\"version\":\"1\"},"
                        + "\"servers\":[{\"url\":\"" + server.baseUrl() + "\"}],\"paths\":{}}"))));
    }

    @Test
    void servesEachServicesDocumentWithTheGatewayAsServer() throws Exception {
        for (String service : SERVICES) {
            HttpResponse<String> response = get("/v3/api-docs/" + service, null);

            assertThat(response.statusCode()).as(service).isEqualTo(200);
            JsonNode doc = JsonMapper.shared().readTree(response.body());
            assertThat(doc.path("info").path("title").asString()).isEqualTo(service);
            assertThat(doc.path("servers")).hasSize(1);
            assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("/");
            assertThat(backend(service).getAllServeEvents()).hasSize(1);
        }
    }

    @Test
    void listsEveryServiceInSwaggerUi() throws Exception {
        HttpResponse<String> config = get("/v3/api-docs/gateway/swagger-config", null);

        assertThat(config.statusCode()).isEqualTo(200);
        for (String service : SERVICES) {
            assertThat(config.body()).contains("\"url\":\"/v3/api-docs/" + service + "\"");
        }
        HttpResponse<String> ui = get("/swagger-ui.html", null);
        assertThat(ui.statusCode()).isEqualTo(302);
        String location = ui.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = get(location.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }

    @Test
    void passesTheServicesAnswerOnWhenItHasNoDocument() throws Exception {
        BACKENDS.get("payment-service").resetAll();
        HttpResponse<String> response = get("/v3/api-docs/payment-service", null);

        assertThat(response.statusCode()).as("WireMock without a stub answers 404").isEqualTo(404);
    }
}
