package com.creatorcommerce.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/** The {@code Problem} schema (RFC 9457 with the platform's {@code code} and {@code errors}) and problem responses. */
final class ProblemResponses {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "FieldError";
    static final String CODES_EXTENSION = "x-problem-codes";

    private ProblemResponses() {}

    /** Adds {@code Problem} and {@code FieldError} to the components. */
    static void addSchemas(Components components, boolean openapi31) {
        Schema<Object> fieldError = object(openapi31)
                .description("One offending field: its name as the client wrote it (JSON path, query parameter or "
                        + "header) and what is wrong with it.")
                .addProperty("field", string(openapi31, "The field, e.g. `items[0].quantity`."))
                .addProperty("message", string(openapi31, "What is wrong with it."));
        fieldError.setRequired(List.of("field", "message"));
        Schema<Object> errors = array(openapi31, ref(FIELD_ERROR_SCHEMA, openapi31))
                .description("The offending fields (`VALIDATION_FAILED`); may be empty.");
        Schema<Object> problem = object(openapi31)
                .description("An RFC 9457 problem. `code` is the stable, machine-readable reason; the operation lists "
                        + "the codes it answers. A problem may carry more members (e.g. `available_quantity`).")
                .addProperty("type", string(openapi31, "A URI reference naming the problem type; `about:blank`."))
                .addProperty("title", string(openapi31, "The status's reason phrase."))
                .addProperty("status", integer(openapi31, "The HTTP status."))
                .addProperty("detail", string(openapi31, "What went wrong, for a human."))
                .addProperty("instance", string(openapi31, "The request path."))
                .addProperty("code", string(openapi31, "The stable problem code, e.g. `COUPON_SOLD_OUT`."))
                .addProperty("errors", errors);
        problem.setRequired(List.of("type", "title", "status", "code"));
        components.addSchemas(FIELD_ERROR_SCHEMA, fieldError);
        components.addSchemas(SCHEMA, problem);
    }

    /** Adds (or merges into the existing problem response) the problem {@code status} with {@code codes}. */
    static void add(Operation operation, int status, List<String> codes, String description, boolean openapi31) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        String key = Integer.toString(status);
        Set<String> all = new LinkedHashSet<>(existingCodes(responses.get(key)));
        all.addAll(codes);
        String text = description == null || description.isBlank() ? null : description;
        ApiResponse existing = responses.get(key);
        if (text == null
                && existing != null
                && existing.getExtensions() != null
                && existing.getExtensions().containsKey(CODES_EXTENSION)) {
            text = describedBefore(existing);
        }
        responses.addApiResponse(key, response(status, new ArrayList<>(all), text, openapi31));
    }

    @SuppressWarnings("unchecked")
    private static List<String> existingCodes(ApiResponse response) {
        if (response == null || response.getExtensions() == null) {
            return List.of();
        }
        Object codes = response.getExtensions().get(CODES_EXTENSION);
        return codes instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static String describedBefore(ApiResponse response) {
        Object extra = response.getExtensions() == null
                ? null
                : response.getExtensions().get("x-problem-text");
        return extra instanceof String s ? s : null;
    }

    private static ApiResponse response(int status, List<String> codes, String text, boolean openapi31) {
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        StringBuilder description = new StringBuilder(reason)
                .append(" (problem `code`: ")
                .append(String.join(", ", codes.stream().map(c -> "`" + c + "`").toList()))
                .append(")");
        if (text != null) {
            description.append(". ").append(text);
        }
        Map<String, Example> examples = new LinkedHashMap<>();
        for (String code : codes) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("type", "about:blank");
            value.put("title", reason);
            value.put("status", status);
            value.put("code", code);
            examples.put(code, new Example().summary(code).value(value));
        }
        MediaType media = new MediaType().schema(ref(SCHEMA, openapi31)).examples(examples);
        ApiResponse response = new ApiResponse()
                .description(description.toString())
                .content(new Content().addMediaType(MEDIA_TYPE, media));
        response.addExtension(CODES_EXTENSION, List.copyOf(codes));
        if (text != null) {
            response.addExtension("x-problem-text", text);
        }
        return response;
    }

    static Schema<Object> ref(String name, boolean openapi31) {
        Schema<Object> schema = new Schema<>();
        if (openapi31) {
            schema.specVersion(SpecVersion.V31);
        }
        return schema.$ref("#/components/schemas/" + name);
    }

    private static Schema<Object> object(boolean openapi31) {
        return typed("object", openapi31);
    }

    private static Schema<Object> string(boolean openapi31, String description) {
        return typed("string", openapi31).description(description);
    }

    private static Schema<Object> integer(boolean openapi31, String description) {
        return typed("integer", openapi31).format("int32").description(description);
    }

    private static Schema<Object> array(boolean openapi31, Schema<Object> items) {
        Schema<Object> schema = typed("array", openapi31);
        schema.setItems(items);
        return schema;
    }

    static Schema<Object> typed(String type, boolean openapi31) {
        Schema<Object> schema = new Schema<>();
        if (openapi31) {
            schema.specVersion(SpecVersion.V31);
            schema.addType(type);
        } else {
            schema.type(type);
        }
        return schema;
    }
}
