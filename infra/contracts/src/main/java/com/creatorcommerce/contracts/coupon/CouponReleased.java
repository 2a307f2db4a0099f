package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * Public event: an order gave a user coupon back (order failed or cancelled); it is usable again until
 * {@code expires_at}.
 *
 * @param wasUsed true when the coupon had been confirmed as used (a cancelled completed order), false when it was
 *                only reserved
 */
public record CouponReleased(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long couponId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        boolean wasUsed,
        Instant releasedAt,
        Instant expiresAt) {}
