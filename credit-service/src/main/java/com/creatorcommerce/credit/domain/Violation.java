package com.creatorcommerce.credit.domain;

/** A broken rule of a request, on the field the client sent (snake_case JSON name). */
public record Violation(String field, String message) {}
