package com.creatorcommerce.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The client sent more than {@code platform.gateway.max-request-size}. A client fault: circuit breakers ignore it
 * ({@code resilience4j.circuitbreaker.configs.default.ignore-exceptions}).
 */
public class RequestBodyTooLargeException extends ResponseStatusException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
