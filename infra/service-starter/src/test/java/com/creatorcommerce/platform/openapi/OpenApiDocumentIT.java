package com.creatorcommerce.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The document a service on the starter serves describes its wire: names, ids, caller, security, statuses, problems. */
@SpringBootTest(
        classes = OpenApiTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=widget-service",
            "platform.service.schema=widget_service",
            "platform.security.jwt.public-get-paths=/v1/widgets/**"
        })
@RealInfrastructure
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    private JsonNode doc;

    @BeforeEach
    void read() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        doc = JsonMapper.shared().readTree(response.body());
    }

    @Test
    void bodiesAreSnakeCaseAndIdsAreStringsOfDigits() {
        JsonNode response = doc.at("/components/schemas/WidgetResponse/properties");
        assertThat(names(response)).containsExactlyInAnyOrder("id", "widget_name", "unit_price", "stock_count");
        assertThat(response.at("/id/type").asString()).isEqualTo("string");
        assertThat(response.at("/id/pattern").asString()).isEqualTo(WireModelResolver.ID_PATTERN);
        assertThat(response.at("/unit_price/type").asString()).isEqualTo("integer");
        JsonNode request = doc.at("/components/schemas/WidgetRequest/properties");
        assertThat(names(request)).containsExactlyInAnyOrder("widget_name", "owner_id");
        assertThat(request.at("/owner_id/type").asString()).isEqualTo("string");
        JsonNode pathId = doc.at("/paths/~1v1~1widgets~1{widgetId}/get/parameters/0");
        assertThat(pathId.at("/name").asString()).isEqualTo("widgetId");
        assertThat(pathId.at("/schema/pattern").asString()).isEqualTo(WireModelResolver.ID_PATTERN);
    }

    @Test
    void theCallerIsNoParameterAndTheBearerSchemeGuardsAllButThePublicOperations() {
        JsonNode create = doc.at("/paths/~1v1~1widgets/post");
        assertThat(create.path("parameters").findValuesAsString("name")).containsExactly("Idempotency-Key");
        assertThat(doc.at("/paths/~1v1~1admin~1widgets~1{widgetId}/get/parameters")
                        .findValuesAsString("name"))
                .containsExactly("widgetId");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asString())
                .isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/bearerFormat").asString())
                .isEqualTo("JWT");
        assertThat(doc.at("/security/0").has("bearerAuth")).isTrue();
        assertThat(create.has("security")).as("the global requirement applies").isFalse();
        JsonNode open = doc.at("/paths/~1v1~1widgets~1{widgetId}/get/security");
        assertThat(open.isArray()).isTrue();
        assertThat(open).as("public, with an optional token").hasSize(2);
        assertThat(open.get(0).isEmpty()).isTrue();
        assertThat(open.get(1).has("bearerAuth")).isTrue();
        assertThat(doc.at("/paths/~1v1~1admin~1widgets~1{widgetId}/get").has("security"))
                .as("admin paths are never public, whatever public-get-paths say")
                .isFalse();
        assertThat(doc.path("components").path("schemas").has("CurrentUser")).isFalse();
    }

    @Test
    void statusesAndProblemsAreThoseTheOperationsAnswer() {
        JsonNode create = doc.at("/paths/~1v1~1widgets/post/responses");
        assertThat(names(create)).containsExactly("201", "400", "401", "409", "413", "415", "422");
        assertThat(create.at("/201/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/WidgetResponse");
        JsonNode conflict = create.at("/409");
        assertThat(conflict.at("/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(conflict.path("x-problem-codes")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("WIDGET_EXISTS", "WIDGET_LIMIT", "IDEMPOTENCY_KEY_IN_PROGRESS");
        assertThat(conflict.path("description").asString())
                .contains("`WIDGET_EXISTS`")
                .contains("Already there.");
        assertThat(names(conflict.at("/content/application~1problem+json/examples")))
                .contains("WIDGET_LIMIT");
        assertThat(create.at("/401/x-problem-codes/0").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(names(doc.at("/paths/~1v1~1widgets~1{widgetId}/get/responses")))
                .containsExactly("200", "400", "404");
        assertThat(names(doc.at("/paths/~1v1~1admin~1widgets~1{widgetId}/get/responses")))
                .containsExactly("200", "400", "401", "403");
        assertThat(names(doc.at("/components/schemas/Problem/properties")))
                .contains("type", "title", "status", "detail", "instance", "code", "errors");
    }

    @Test
    void operationsHaveStableIdsSummariesAndDeclaredTags() {
        assertThat(doc.at("/paths/~1v1~1widgets/post/operationId").asString()).isEqualTo("createWidget");
        JsonNode get = doc.at("/paths/~1v1~1widgets~1{widgetId}/get");
        assertThat(get.path("operationId").asString()).isEqualTo("widgetGet");
        assertThat(get.path("summary").asString()).isEqualTo("Get");
        assertThat(doc.at("/paths/~1v1~1admin~1widgets~1{widgetId}/get/operationId")
                        .asString())
                .isEqualTo("widgetAdminGet");
        assertThat(doc.path("tags").findValuesAsString("name")).contains("widgets");
        assertThat(doc.at("/servers/0/url").asString()).isEqualTo("/");
        assertThat(doc.at("/info/title").asString()).isEqualTo("widget-service");
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }
}
