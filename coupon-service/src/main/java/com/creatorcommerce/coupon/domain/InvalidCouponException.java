package com.creatorcommerce.coupon.domain;

import java.util.List;

/** A coupon definition breaks one or more rules; nothing was changed. */
public class InvalidCouponException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidCouponException(List<Violation> violations) {
        super("Invalid coupon: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
