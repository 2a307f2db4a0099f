package com.creatorcommerce.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.platform.test.TestJwt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProblemJsonIT extends WebIntegrationTest {

    private final String token = TestJwt.user(newUserId());

    @Test
    void validationErrorsNameTheFieldsAsTheClientWroteThem() {
        HttpResponse<String> response = send(postJson(
                "/v1/things",
                token,
                "{\"thing_name\":\"\",\"quantity\":0,\"sku\":\"TOO-LONG\",\"tags\":[{\"tag_label\":\"ok\"},"
                        + "{\"tag_label\":\" \"}]}"));

        assertProblem(response, 400, "VALIDATION_FAILED");
        JsonNode body = json(response);
        assertThat(body.get("instance").asString()).isEqualTo("/v1/things");
        assertThat(fields(body)).containsExactlyInAnyOrder("thing_name", "quantity", "sku", "tags[1].tag_label");
        for (JsonNode error : body.get("errors")) {
            assertThat(error.get("message").asString()).isNotBlank();
        }
    }

    @Test
    void aValueOfTheWrongTypeInTheBodyIsAFieldError() {
        HttpResponse<String> response =
                send(postJson("/v1/things", token, "{\"thing_name\":\"x\",\"quantity\":\"many\"}"));

        assertProblem(response, 400, "VALIDATION_FAILED");
        JsonNode body = json(response);
        assertThat(fields(body)).containsExactly("quantity");
        assertThat(body.get("errors").get(0).get("message").asString()).isEqualTo("must be an integer");
        assertThat(response.body()).doesNotContain("java.", "Integer", "tools.jackson");
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        HttpResponse<String> response = send(postJson("/v1/things", token, "{\"thing_name\": \"x\", "));

        assertProblem(response, 400, "MALFORMED_REQUEST");
        assertThat(json(response).get("errors").isArray()).isTrue();
        assertThat(response.body()).doesNotContain("Unexpected end", "JsonEOF", "tools.jackson");
    }

    @Test
    void aMissingQueryParameterIsAFieldError() {
        HttpResponse<String> response = send(get("/v1/things/search", token));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(json(response))).containsExactly("q");
    }

    @Test
    void aPathVariableOfTheWrongTypeIsAFieldError() {
        HttpResponse<String> response = send(get("/v1/things/abc", token));

        assertProblem(response, 400, "VALIDATION_FAILED");
        JsonNode error = json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("id");
        assertThat(error.get("message").asString()).isEqualTo("must be an integer");
    }

    @Test
    void aConstrainedQueryParameterIsValidatedUnderItsRequestName() {
        HttpResponse<String> response = send(get("/v1/things?page_size=0", token));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(json(response))).containsExactly("page_size");
    }

    @Test
    void aServiceMethodValidationFailureIsAFieldError() {
        HttpResponse<String> parameter = send(postJson("/v1/things/reserve?quantity=0", token, "{}"));
        HttpResponse<String> bean = send(postJson("/v1/things/reserve?quantity=0&sku=%20", token, "{}"));

        assertProblem(parameter, 400, "VALIDATION_FAILED");
        assertThat(fields(json(parameter))).containsExactly("quantity");
        assertProblem(bean, 400, "VALIDATION_FAILED");
        assertThat(fields(json(bean))).containsExactlyInAnyOrder("sku_code", "reserved_quantity");
    }

    @Test
    void anUnknownPathIsNotFound() {
        HttpResponse<String> response = send(get("/v1/no-such-thing", token));

        assertProblem(response, 404, "NOT_FOUND");
        assertThat(json(response).get("instance").asString()).isEqualTo("/v1/no-such-thing");
    }

    @Test
    void anUnsupportedMethodIsMethodNotAllowed() {
        HttpResponse<String> response = send(
                request("/v1/things").header("Authorization", "Bearer " + token).DELETE());

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.headers().firstValue("Allow"))
                .hasValueSatisfying(v -> assertThat(v).contains("POST"));
    }

    @Test
    void anUnsupportedContentTypeIsRefused() {
        HttpResponse<String> response = send(request("/v1/things")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void anApiExceptionKeepsItsStatusCodeDetailAndProperties() {
        HttpResponse<String> response = send(postJson("/v1/things/sold-out", token, "{}"));

        assertProblem(response, 409, "THING_SOLD_OUT");
        JsonNode body = json(response);
        assertThat(body.get("title").asString()).isEqualTo("Conflict");
        assertThat(body.get("detail").asString()).isEqualTo("No things left.");
        assertThat(body.get("available_quantity").asInt()).isZero();
    }

    @Test
    void anApiExceptionNotFoundIsItsOwnCode() {
        HttpResponse<String> response = send(get("/v1/things/999999999", token));

        assertProblem(response, 404, "THING_NOT_FOUND");
    }

    @Test
    void anUnexpectedExceptionIsAGenericInternalErrorWithoutDetails() {
        HttpResponse<String> response = send(postJson("/v1/things/boom", token, "{}"));

        assertProblem(response, 500, "INTERNAL_ERROR");
        assertThat(json(response).get("detail").asString())
                .isEqualTo("An unexpected error occurred. Please retry later.");
        assertThat(response.body())
                .doesNotContain(
                        "secret", "SELECT", "password", "IllegalStateException", "at com.", "trace", "exception");
    }

    @Test
    void aUniqueKeyViolationIsAConflictWithoutSql() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        String json = "{\"thing_name\":\"" + name + "\",\"quantity\":1}";
        assertThat(send(postJson("/v1/things", token, json)).statusCode()).isEqualTo(201);

        HttpResponse<String> response = send(postJson("/v1/things", token, json));

        assertProblem(response, 409, "CONFLICT");
        assertThat(response.body()).doesNotContain("Duplicate", "INSERT", "uk_thing_name", name, "SQL");
    }

    @Test
    void anOptimisticLockingFailureIsAConflict() {
        HttpResponse<String> response = send(postJson("/v1/things/optimistic", token, "{}"));

        assertProblem(response, 409, "CONFLICT");
        assertThat(response.body()).doesNotContain("thing#7", "transaction");
    }

    @Test
    void methodSecurityDenialIsForbidden() {
        HttpResponse<String> denied = send(postJson("/v1/things/admin-only", token, "{}"));
        HttpResponse<String> allowed = send(postJson("/v1/things/admin-only", TestJwt.admin(newUserId()), "{}"));

        assertProblem(denied, 403, "FORBIDDEN");
        assertThat(allowed.statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutTokenIsUnauthorizedWithProblemJson() {
        HttpResponse<String> response = send(postJson("/v1/things", null, "{\"thing_name\":\"x\",\"quantity\":1}"));

        assertProblem(response, 401, "AUTHENTICATION_REQUIRED");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void anExceptionFromAFilterIsAnsweredByTheProblemErrorPage() {
        HttpResponse<String> response = send(get("/v1/public/filter-boom", null));

        assertProblem(response, 500, "INTERNAL_ERROR");
        assertThat(json(response).get("instance").asString()).isEqualTo("/v1/public/filter-boom");
        assertThat(response.body()).doesNotContain("secret", "jdbc", "hunter2", "IllegalStateException", "trace");
    }

    @Test
    void anApiExceptionFromAFilterKeepsItsStatusAndCode() {
        HttpResponse<String> response = send(get("/v1/public/filter-rate-limited", null));

        assertProblem(response, 429, "RATE_LIMITED");
        assertThat(json(response).get("detail").asString()).isEqualTo("Slow down.");
    }

    @Test
    void problemsAreJsonEvenForAClientAcceptingOnlyHtml() {
        HttpResponse<String> fromMvc = send(get("/v1/things/search", token).header("Accept", "text/html"));
        HttpResponse<String> fromErrorPage =
                send(get("/v1/public/filter-boom", null).header("Accept", "text/html"));

        assertProblem(fromMvc, 400, "VALIDATION_FAILED");
        assertProblem(fromErrorPage, 500, "INTERNAL_ERROR");
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        HttpResponse<String> response = send(get("/error", null));

        assertProblem(response, 404, "NOT_FOUND");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(contentType(response)).startsWith("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("type").asString()).isEqualTo("about:blank");
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("instance").asString()).startsWith("/");
        assertThat(body.get("code").asString()).isEqualTo(code);
    }

    private static List<String> fields(JsonNode body) {
        List<String> fields = new ArrayList<>();
        body.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
