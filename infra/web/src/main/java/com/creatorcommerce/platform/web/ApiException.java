package com.creatorcommerce.platform.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * A failure a domain service reports to the client: rendered as an RFC 9457 problem with this {@link #status()},
 * the stable machine {@link #code()} (e.g. {@code COUPON_SOLD_OUT}), the human {@link #detail()} and optional extra
 * members ({@link #properties()}, e.g. {@code available_quantity}).
 *
 * <p>The detail is shown to the client verbatim: never put internal state, SQL or another exception's message in it.
 * Instances are immutable; {@link #with(String, Object)} returns a copy with one more property.
 */
public class ApiException extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Members of every problem body that extra properties may not replace. */
    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "code");

    private final HttpStatus status;
    private final String code;
    private final String detail;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of(), null);
    }

    public ApiException(HttpStatus status, String code, String detail, Map<String, ?> properties) {
        this(status, code, detail, properties, null);
    }

    public ApiException(HttpStatus status, String code, String detail, Throwable cause) {
        this(status, code, detail, Map.of(), cause);
    }

    public ApiException(HttpStatus status, String code, String detail, Map<String, ?> properties, Throwable cause) {
        super(Objects.requireNonNull(status, "status").value() + " " + code + ": " + detail, cause);
        if (!status.isError()) {
            throw new IllegalArgumentException("An ApiException needs a 4xx or 5xx status, not " + status);
        }
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("An error code is UPPER_SNAKE_CASE, not " + code);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((name, value) -> {
                if (name == null || RESERVED.contains(name)) {
                    throw new IllegalArgumentException("Property name " + name + " is reserved in a problem body");
                }
                copy.put(name, value);
            });
        }
        this.status = status;
        this.code = code;
        this.detail = detail == null ? status.getReasonPhrase() : detail;
        this.properties = Collections.unmodifiableMap(copy);
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiException unauthorized(String code, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, code, detail);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    public static ApiException serviceUnavailable(String code, String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, detail);
    }

    /** A copy with one more problem member (snake_case name, JSON-serializable value). */
    public ApiException with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        ApiException copy = new ApiException(status, code, detail, more, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    /** Extra problem members, in insertion order (unmodifiable). */
    public Map<String, Object> properties() {
        return properties;
    }
}
