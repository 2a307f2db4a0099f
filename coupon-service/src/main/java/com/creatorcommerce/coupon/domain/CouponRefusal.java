package com.creatorcommerce.coupon.domain;

/** Why the coupon context refuses an operation. The names are the stable problem {@code code}s of the HTTP API. */
public enum CouponRefusal {
    COUPON_NOT_FOUND,
    COUPON_INACTIVE,
    COUPON_NOT_STARTED,
    COUPON_EXPIRED,
    COUPON_SOLD_OUT,
    COUPON_ALREADY_ISSUED,
    /** An update would set the total quantity below what was already issued. */
    COUPON_QUANTITY_BELOW_ISSUED,
    USER_COUPON_NOT_FOUND,
    NOT_OWNER,
    USER_COUPON_ALREADY_USED,
    USER_COUPON_RESERVED_BY_ANOTHER_ORDER,
    USER_COUPON_EXPIRED,
    MIN_ORDER_AMOUNT_NOT_MET,
    RESERVATION_RELEASED,
    NOT_RESERVED
}
