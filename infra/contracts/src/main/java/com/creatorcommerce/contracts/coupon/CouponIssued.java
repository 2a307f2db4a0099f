package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/** Public event: a user received a coupon. */
public record CouponIssued(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long couponId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        Instant issuedAt,
        Instant expiresAt) {}
