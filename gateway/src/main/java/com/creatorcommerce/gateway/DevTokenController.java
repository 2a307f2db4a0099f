package com.creatorcommerce.gateway;

import com.creatorcommerce.gateway.web.Problems;
import com.creatorcommerce.gateway.web.RequestIdWebFilter;
import com.creatorcommerce.platform.security.JwtProperties;
import com.creatorcommerce.platform.security.Roles;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Dev profile only: issues HS256 tokens for any user so the platform can be tried without an identity provider.
 * In production this bean does not exist and the gateway verifies the identity provider's RS256 tokens.
 *
 * <p>Body: {@code {"user_id":"1001","roles":["USER"]}} ({@code roles} optional, default {@code ["USER"]}). Every bad
 * request is a 400 problem+json, never a 500: {@code VALIDATION_FAILED} with {@code errors[]} ({@code field},
 * {@code message}) when a field is missing, of the wrong JSON type or out of range; {@code MALFORMED_REQUEST} when
 * the body is not a JSON object or is not sent as JSON.
 */
@RestController
@Profile("dev")
class DevTokenController {

    static final Duration TTL = Duration.ofHours(1);
    static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";

    private static final String USER_ID_RULE = "must be a positive 64-bit number (as a string)";
    private static final String ROLE_RULE = "must be one of " + new TreeSet<>(Roles.KNOWN);
    private static final String ROLES_RULE = "must be a list of roles, each one of " + new TreeSet<>(Roles.KNOWN);

    private final JwtProperties props;

    DevTokenController(JwtProperties props) {
        this.props = props;
    }

    record DevTokenRequest(@JsonProperty("user_id") String userId, List<String> roles) {}

    record DevTokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}

    /** One invalid field of the request, as in the services' {@code VALIDATION_FAILED} problems. */
    record FieldError(String field, String message) {}

    @PostMapping("/auth/dev-token")
    ResponseEntity<?> issue(@RequestBody(required = false) DevTokenRequest request, ServerWebExchange exchange)
            throws JOSEException {
        List<FieldError> errors = new ArrayList<>();
        long userId = userId(request == null ? null : request.userId(), errors);
        List<String> roles = roles(request == null ? null : request.roles(), errors);
        if (!errors.isEmpty()) {
            return invalidFields(exchange, errors);
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(props.issuer())
                .audience(props.audience())
                .subject(Long.toString(userId))
                .claim(Roles.CLAIM, roles)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TTL)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new MACSigner(props.hmacSecret().getBytes(StandardCharsets.UTF_8)));
        return ResponseEntity.ok(new DevTokenResponse(jwt.serialize(), "Bearer", TTL.toSeconds()));
    }

    private static long userId(String given, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            errors.add(new FieldError("user_id", "is required; " + USER_ID_RULE));
            return -1;
        }
        long userId;
        try {
            userId = Long.parseLong(given.trim());
        } catch (NumberFormatException e) { // not a number, a fraction, or beyond 64 bits
            userId = -1;
        }
        if (userId <= 0) {
            errors.add(new FieldError("user_id", USER_ID_RULE));
        }
        return userId;
    }

    /** The roles to put in the token (default USER), without duplicates; each must be a known role. */
    private static List<String> roles(List<String> given, List<FieldError> errors) {
        if (given == null || given.isEmpty()) {
            return List.of(Roles.USER);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String role = given.get(i);
            if (role == null || !Roles.KNOWN.contains(role)) {
                errors.add(new FieldError("roles[" + i + "]", ROLE_RULE));
            } else {
                roles.add(role);
            }
        }
        return List.copyOf(roles);
    }

    /** The body could not be read into the request: not JSON, not an object, or a field of the wrong JSON type. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<byte[]> unreadable(ServerWebInputException ex, ServerWebExchange exchange) {
        MismatchedInputException mismatch = cause(ex, MismatchedInputException.class);
        String field = mismatch == null ? "" : jsonPath(mismatch.getPath());
        if (!field.isEmpty()) {
            String message = field.equals("user_id")
                    ? USER_ID_RULE
                    : field.equals("roles")
                            ? ROLES_RULE
                            : field.startsWith("roles[") ? ROLE_RULE : "has the wrong JSON type";
            return invalidFields(exchange, List.of(new FieldError(field, message)));
        }
        return malformed(
                exchange,
                "The request body must be a JSON object such as " + "{\"user_id\":\"1001\",\"roles\":[\"USER\"]}");
    }

    /**
     * A body that is not sent as JSON (text/plain, no Content-Type...; WebFlux answers a form with a bare 415
     * {@link ResponseStatusException}) is a bad request here too. Anything else goes to the gateway's handler.
     */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<byte[]> notJson(ResponseStatusException ex, ServerWebExchange exchange) {
        if (ex.getStatusCode().value() != HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
            throw ex;
        }
        return malformed(exchange, "The request body must be JSON, sent with Content-Type: application/json");
    }

    private static ResponseEntity<byte[]> invalidFields(ServerWebExchange exchange, List<FieldError> errors) {
        String detail = String.join(
                "; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
        return problem(exchange, VALIDATION_FAILED, detail, errors);
    }

    private static ResponseEntity<byte[]> malformed(ServerWebExchange exchange, String detail) {
        return problem(exchange, MALFORMED_REQUEST, detail, List.of());
    }

    private static ResponseEntity<byte[]> problem(
            ServerWebExchange exchange, String code, String detail, List<FieldError> errors) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("errors", errors);
        Object requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        if (requestId != null) {
            extra.put("request_id", requestId);
        }
        byte[] body =
                Problems.body(400, code, detail, exchange.getRequest().getPath().value(), extra);
        return ResponseEntity.badRequest().contentType(Problems.PROBLEM_JSON).body(body);
    }

    private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** {@code roles[0]}, {@code user_id}: where in the body Jackson found the wrong type. */
    private static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
