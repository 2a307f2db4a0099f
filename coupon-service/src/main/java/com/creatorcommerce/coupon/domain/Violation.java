package com.creatorcommerce.coupon.domain;

/** A broken rule of a coupon definition, on the field the client sent (snake_case JSON name). */
public record Violation(String field, String message) {}
