package com.creatorcommerce.coupon.domain;

/** A coupon rule refused the operation; nothing was changed. {@link #getMessage()} is safe to show to a client. */
public class CouponRefusedException extends RuntimeException {

    private final CouponRefusal refusal;

    public CouponRefusedException(CouponRefusal refusal, String detail) {
        super(detail, null, false, false);
        this.refusal = refusal;
    }

    public CouponRefusal refusal() {
        return refusal;
    }
}
