package com.creatorcommerce.gateway.docs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One API documentation UI for the whole platform: for every configured route (route id = service name) the
 * gateway proxies {@code GET /v3/api-docs/<service>} to that service's {@code /v3/api-docs}, rewriting the document's
 * {@code servers} to the gateway so that "Try it out" goes through it, and Swagger UI at {@code /swagger-ui.html}
 * lists them all (plus the gateway's own document at {@code /v3/api-docs/gateway}). The services' documents declare
 * the bearer JWT scheme (infra/service-starter's OpenAPI customizer): Swagger UI's "Authorize" takes a token (in the
 * dev profile from {@code POST /auth/dev-token}), keeps it across documents, and "Try it out" calls the operation
 * through the gateway with it, as a client would.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    public static final String PREFIX = "/v3/api-docs/";
    /** The name of the gateway's own document ({@code springdoc.api-docs.path} = {@code /v3/api-docs/gateway}). */
    static final String GATEWAY = "gateway";

    @Bean
    RouteLocator apiDocsRoutes(
            RouteLocatorBuilder builder,
            GatewayProperties gateway,
            ObjectProvider<SwaggerUiConfigProperties> swaggerUi) {
        List<RouteDefinition> services = gateway.getRoutes();
        RouteLocatorBuilder.Builder routes = builder.routes();
        Set<SwaggerUrl> urls = new LinkedHashSet<>();
        for (RouteDefinition service : services) {
            String id = service.getId();
            routes.route(
                    "api-docs-" + id,
                    r -> r.method(HttpMethod.GET)
                            .and()
                            .path(PREFIX + id)
                            .filters(f -> f.setPath("/v3/api-docs")
                                    .modifyResponseBody(
                                            String.class,
                                            String.class,
                                            (exchange, body) -> Mono.justOrEmpty(throughGateway(body))))
                            .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, 1000)
                            .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, 5000)
                            .uri(service.getUri()));
            urls.add(new SwaggerUrl(id, PREFIX + id, id));
        }
        // the gateway's own document: in the dev profile it holds POST /auth/dev-token, the token to "Authorize" with
        urls.add(new SwaggerUrl(GATEWAY, PREFIX + GATEWAY, GATEWAY));
        SwaggerUiConfigProperties ui = swaggerUi.getIfAvailable();
        if (ui != null) {
            if (ui.getUrls() == null || ui.getUrls().isEmpty()) {
                ui.setUrls(urls);
                ui.setUrlsPrimaryName(
                        services.isEmpty() ? null : services.getFirst().getId());
            }
            // "Authorize" once with a bearer token (every service's document declares the scheme): it is kept while
            // switching between the services' documents and across reloads, and "Try it out" sends it through the
            // gateway (the documents' server is "/"). The operation ids are the generated clients' method names.
            if (ui.getPersistAuthorization() == null) {
                ui.setPersistAuthorization(true);
            }
            if (ui.getDisplayOperationId() == null) {
                ui.setDisplayOperationId(true);
            }
        }
        return routes.build();
    }

    /** The service's document with {@code servers} pointing at the gateway; anything that is not JSON unchanged. */
    static String throughGateway(String body) {
        if (body == null || body.isBlank()) {
            return body;
        }
        try {
            JsonNode doc = JsonMapper.shared().readTree(body);
            if (doc instanceof ObjectNode object && object.has("openapi")) {
                object.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
                return JsonMapper.shared().writeValueAsString(object);
            }
        } catch (RuntimeException e) {
            // not a JSON document (an error page): pass it on as it is
        }
        return body;
    }
}
