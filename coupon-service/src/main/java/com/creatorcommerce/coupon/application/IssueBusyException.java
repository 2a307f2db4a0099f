package com.creatorcommerce.coupon.application;

/** The coupon is in such demand that this request got no turn in time; nothing changed, the client may retry. */
public class IssueBusyException extends RuntimeException {

    public IssueBusyException() {
        super("The coupon is in high demand right now. Please retry.", null, false, false);
    }
}
