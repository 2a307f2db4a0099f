package com.creatorcommerce.platform.openapi;

import com.creatorcommerce.platform.security.JwtProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every service's document says the same way: the bearer JWT scheme (required by default, {@code security: []}
 * on the operations {@code platform.security.jwt.public-paths} / {@code public-get-paths} open), the problem+json
 * responses every operation may answer (400; 401 when authenticated; 403 on {@code /v1/admin/**}; 413 and 415 with a
 * body; the {@code Idempotency-Key} header and its problems on authenticated POSTs), ids in paths as strings of digits,
 * a stable {@code info} and {@code servers} (relative: the service itself, or the gateway that serves the document),
 * and every tag declared.
 */
class PlatformOpenApiCustomizer implements GlobalOpenApiCustomizer {

    static final String BEARER = "bearerAuth";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final List<String> ADMIN = List.of("/v1/admin", "/v1/admin/**");

    private final String service;
    private final JwtProperties jwt;
    private final boolean openapi31;

    PlatformOpenApiCustomizer(String service, JwtProperties jwt, boolean openapi31) {
        this.service = service;
        this.jwt = jwt;
        this.openapi31 = openapi31;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        if (info.getTitle() == null || info.getTitle().startsWith("OpenAPI definition")) {
            info.setTitle(service);
            info.setVersion("1");
            info.setLicense(new License().name("Proprietary").identifier("LicenseRef-CreatorCommerce-Proprietary"));
            info.setDescription("The HTTP API of " + service + ". JSON bodies are snake_case; 64-bit ids travel as "
                    + "strings of digits; errors are RFC 9457 `application/problem+json` with a stable `code`. "
                    + "Authenticate with `Authorization: Bearer <JWT>` (the gateway's dev profile issues one at "
                    + "`POST /auth/dev-token`).");
        }
        openApi.setInfo(info);
        openApi.setServers(List.of(
                new Server().url("/").description("where this document was read from: the service, or the gateway")));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token of the identity provider (RS256), or in the dev "
                                + "profile one from the gateway's `POST /auth/dev-token`."));
        ProblemResponses.addSchemas(components, openapi31);
        if (components.getSchemas() != null) {
            components.getSchemas().remove("CurrentUser");
        }
        openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));

        Set<String> tags = new TreeSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        operation(path, method, operation);
                        if (operation.getTags() != null) {
                            tags.addAll(operation.getTags());
                        }
                    }));
        }
        List<Tag> declared = new ArrayList<>(openApi.getTags() == null ? List.of() : openApi.getTags());
        declared.forEach(t -> tags.remove(t.getName()));
        tags.forEach(t -> declared.add(new Tag().name(t).description("Operations of " + t + ".")));
        declared.sort(java.util.Comparator.comparing(Tag::getName));
        openApi.setTags(declared);
    }

    private void operation(String path, PathItem.HttpMethod method, Operation operation) {
        boolean admin = matches(ADMIN, path);
        boolean open = !admin
                && (matches(jwt.publicPaths(), path)
                        || method == PathItem.HttpMethod.GET && matches(jwt.publicGetPaths(), path));
        boolean body = operation.getRequestBody() != null;
        boolean optionalCaller = operation.getExtensions() != null
                && operation.getExtensions().remove(PlatformOperationCustomizer.OPTIONAL_CALLER) != null;
        if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        if (open) {
            // public; an operation that answers more to a known caller takes a token too (e.g. `liked`)
            operation.setSecurity(
                    optionalCaller
                            ? new ArrayList<>(
                                    List.of(new SecurityRequirement(), new SecurityRequirement().addList(BEARER)))
                            : new ArrayList<>());
        } else {
            ProblemResponses.add(
                    operation,
                    401,
                    List.of("AUTHENTICATION_REQUIRED", "INVALID_TOKEN"),
                    "No bearer token, or one that is invalid or expired.",
                    openapi31);
        }
        if (admin) {
            ProblemResponses.add(operation, 403, List.of("FORBIDDEN"), "The token lacks role ADMIN.", openapi31);
        }
        // a parameter or body field out of its rules; a request line, query or body that cannot be read
        List<String> bad = new ArrayList<>(List.of("VALIDATION_FAILED", "MALFORMED_REQUEST", "BAD_REQUEST"));
        if (!open && method == PathItem.HttpMethod.POST) {
            idempotencyKey(operation);
            bad.add("IDEMPOTENCY_KEY_INVALID");
            ProblemResponses.add(operation, 409, List.of("IDEMPOTENCY_KEY_IN_PROGRESS"), null, openapi31);
            ProblemResponses.add(operation, 422, List.of("IDEMPOTENCY_KEY_REUSED"), null, openapi31);
        }
        ProblemResponses.add(operation, 400, bad, null, openapi31);
        if (body) {
            ProblemResponses.add(
                    operation, 413, List.of("PAYLOAD_TOO_LARGE"), "The body is over the size limit.", openapi31);
            ProblemResponses.add(operation, 415, List.of("UNSUPPORTED_MEDIA_TYPE"), "The body is not JSON.", openapi31);
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("path".equals(parameter.getIn()) && isInt64(parameter.getSchema())) {
                    parameter.setSchema(WireModelResolver.idSchema(openapi31));
                }
            }
        }
        if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
                if (response.getExtensions() != null) {
                    response.getExtensions().remove("x-problem-text");
                }
                // the services answer JSON (springdoc writes */* for a handler that declares no produces)
                if (response.getContent() != null && response.getContent().containsKey("*/*")) {
                    response.getContent()
                            .put("application/json", response.getContent().remove("*/*"));
                }
            }
            sortResponses(operation);
        }
    }

    private static void sortResponses(Operation operation) {
        var sorted = new java.util.TreeMap<String, ApiResponse>(operation.getResponses());
        operation.getResponses().clear();
        sorted.forEach(operation.getResponses()::addApiResponse);
    }

    /** The replay key every authenticated POST accepts (infra/web's IdempotencyFilter), unless declared already. */
    private void idempotencyKey(Operation operation) {
        if (operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> "header".equals(p.getIn()) && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()))) {
            return;
        }
        Schema<Object> schema = ProblemResponses.typed("string", openapi31);
        schema.setMinLength(1);
        schema.setMaxLength(255);
        operation.addParametersItem(new Parameter()
                .in("header")
                .name(IDEMPOTENCY_KEY)
                .required(false)
                .description("A fresh unique value per logical request: a retry with the same key and body gets "
                        + "the first answer again instead of acting twice.")
                .schema(schema));
    }

    private static boolean isInt64(Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        boolean integer = "integer".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("integer");
        return integer && "int64".equals(schema.getFormat());
    }

    static boolean matches(List<String> patterns, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (String pattern : patterns) {
            PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
            if (parsed.matches(container)) {
                return true;
            }
        }
        return false;
    }
}
