package com.creatorcommerce.contracts.coupon;

/**
 * Topics and CloudEvents types of the coupon context.
 *
 * <ul>
 *   <li>{@link #COMMANDS}: commands to coupon-service from order orchestrators. Key = the user coupon id (the
 *       aggregate), so that the commands on one coupon stay in order. Payload: {@link ReserveCouponCommand},
 *       {@link ConfirmCouponCommand}, {@link ReleaseCouponCommand}.</li>
 *   <li>{@link #REPLIES}: coupon-service's replies to those commands. Key = the order id (the orchestrator's
 *       aggregate); the reply carries the command's correlation id (saga id) and names the command as its
 *       causation.</li>
 *   <li>{@link #EVENTS}: public events for any subscriber. Key = the user coupon id.</li>
 * </ul>
 * Every command is idempotent per (order, user coupon): sending it again, or redelivering it, answers the same
 * reply and has no second effect.
 */
public final class CouponTopics {

    public static final String COMMANDS = "coupon.commands";
    public static final String REPLIES = "coupon.replies";
    public static final String EVENTS = "coupon.events";

    // ---------------------------------------------------------------- commands (coupon.commands)
    /** {@link ReserveCouponCommand}: hold a user coupon for an order and compute the discount. */
    public static final String RESERVE = "coupon.reserve.v1";
    /** {@link ConfirmCouponCommand}: the order completed; the reserved coupon is used. */
    public static final String CONFIRM = "coupon.confirm.v1";
    /** {@link ReleaseCouponCommand}: the order failed or was cancelled; give the coupon back. */
    public static final String RELEASE = "coupon.release.v1";

    // ---------------------------------------------------------------- replies (coupon.replies)
    /** {@link CouponReserved}: the reservation holds, with the discount to apply. */
    public static final String RESERVED = "coupon.reserved.v1";
    /** {@link CouponReservationRejected}: nothing was reserved; {@code reason} says why. */
    public static final String RESERVATION_REJECTED = "coupon.reservation-rejected.v1";
    /** {@link CouponUseConfirmed}: the coupon is now used by the order. */
    public static final String USE_CONFIRMED = "coupon.use-confirmed.v1";
    /** {@link CouponConfirmationRejected}: there was no live reservation of that coupon for that order. */
    public static final String CONFIRMATION_REJECTED = "coupon.confirmation-rejected.v1";
    /** {@link CouponReservationReleased}: the order no longer holds the coupon (also when it never did). */
    public static final String RESERVATION_RELEASED = "coupon.reservation-released.v1";

    // ---------------------------------------------------------------- public events (coupon.events)
    /** {@link CouponIssued}. */
    public static final String ISSUED = "coupon.issued.v1";
    /** {@link CouponUsed}. */
    public static final String USED = "coupon.used.v1";
    /** {@link CouponReleased}. */
    public static final String RELEASED = "coupon.released.v1";

    private CouponTopics() {}
}
