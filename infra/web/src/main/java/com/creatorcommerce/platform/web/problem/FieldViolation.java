package com.creatorcommerce.platform.web.problem;

/**
 * One entry of a problem's {@code errors} array: the offending field as the client named it in its JSON (or query
 * parameter / header name) and a human message.
 */
public record FieldViolation(String field, String message) {}
