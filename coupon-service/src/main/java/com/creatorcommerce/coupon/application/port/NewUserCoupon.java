package com.creatorcommerce.coupon.application.port;

import java.time.Instant;

/** A user coupon about to be inserted by issuing. */
public record NewUserCoupon(long userCouponId, long userId, long couponId, Instant issuedAt, Instant expiresAt) {}
