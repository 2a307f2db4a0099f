package com.creatorcommerce.credit.domain;

import java.util.List;

/** A request breaks one or more rules of the credit context; nothing was changed. */
public class InvalidCreditRequestException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidCreditRequestException(List<Violation> violations) {
        super("Invalid request: " + violations, null, false, false);
        this.violations = List.copyOf(violations);
    }

    public static InvalidCreditRequestException of(String field, String message) {
        return new InvalidCreditRequestException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
