package com.creatorcommerce.contracts.coupon;

/** Why coupon-service refused a command ({@code reason} of {@link CouponReservationRejected} and
 * {@link CouponConfirmationRejected}). New values may be added: treat unknown ones as a plain refusal. */
public enum CouponRejectionReason {
    /** No such user coupon. */
    USER_COUPON_NOT_FOUND,
    /** The user coupon belongs to another user. */
    NOT_OWNER,
    /** Already used by another order. */
    ALREADY_USED,
    /** Reserved by another order that has not finished. */
    RESERVED_BY_ANOTHER_ORDER,
    /** The user coupon expired (or the coupon's validity has not started). */
    EXPIRED,
    /** The order amount is below the coupon's {@code min_order_amount}. */
    MIN_ORDER_AMOUNT_NOT_MET,
    /** This order already released the coupon: a late reserve after a release is refused. */
    RESERVATION_RELEASED,
    /** Confirm without a live reservation of that coupon for that order. */
    NOT_RESERVED,
    /** The command itself is invalid (e.g. a non-positive order amount). */
    INVALID_COMMAND
}
