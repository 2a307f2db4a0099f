package com.creatorcommerce.platform.web;

import com.creatorcommerce.platform.security.ProblemJson;

/** The platform-wide problem {@code code} values (services add their own, e.g. {@code COUPON_SOLD_OUT}). */
public final class ProblemCodes {

    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final String AUTHENTICATION_REQUIRED = "AUTHENTICATION_REQUIRED";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String CONFLICT = "CONFLICT";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String URI_TOO_LONG = "URI_TOO_LONG";
    public static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String UNPROCESSABLE = "UNPROCESSABLE";
    public static final String TOO_MANY_REQUESTS = "TOO_MANY_REQUESTS";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    public static final String IDEMPOTENCY_KEY_INVALID = "IDEMPOTENCY_KEY_INVALID";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String IDEMPOTENCY_KEY_IN_PROGRESS = "IDEMPOTENCY_KEY_IN_PROGRESS";

    private ProblemCodes() {}

    /** The generic code of an HTTP error status (the platform's one table, shared with the gateway). */
    public static String forStatus(int status) {
        return ProblemJson.codeForStatus(status);
    }
}
