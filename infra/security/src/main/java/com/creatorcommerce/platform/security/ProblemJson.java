package com.creatorcommerce.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's one RFC 9457 problem+json format, shared by the services (MVC handler, error page, filters,
 * security entry points: {@link ServletProblemWriter}) and the gateway (its reactive writer): the members in the
 * RFC's order ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}), then the stable
 * {@code code} and any extra members; and the generic code of each status.
 */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";
    public static final String CODE = "code";

    private ProblemJson() {}

    /** The ordered members of a problem; {@code detail} and {@code instance} are left out when null. */
    public static Map<String, Object> members(
            int status, String title, String code, String detail, String instance, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ABOUT_BLANK);
        body.put("title", title != null ? title : title(status));
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put(CODE, code != null ? code : codeForStatus(status));
        if (extra != null) {
            extra.forEach(body::putIfAbsent);
        }
        return body;
    }

    /** The JSON of a problem's members, with the application's mapper (or a plain one when null). */
    public static byte[] toJson(Map<String, ?> members, ObjectMapper mapper) {
        return (mapper != null ? mapper : JsonMapper.shared()).writeValueAsBytes(members);
    }

    public static byte[] body(int status, String code, String detail, String instance, Map<String, ?> extra) {
        return toJson(members(status, null, code, detail, instance, extra), null);
    }

    /** The reason phrase of an HTTP status ({@code "Content Too Large"}), or {@code "Error"}. */
    public static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    /** The generic code of an HTTP error status, used when nothing more specific is known. */
    public static String codeForStatus(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "AUTHENTICATION_REQUIRED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 422 -> "UNPROCESSABLE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 431 -> "HEADERS_TOO_LARGE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : status >= 400 ? "BAD_REQUEST" : "ERROR";
        };
    }
}
