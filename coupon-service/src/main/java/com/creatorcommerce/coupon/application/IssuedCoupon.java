package com.creatorcommerce.coupon.application;

import com.creatorcommerce.coupon.domain.CouponSnapshot;
import java.time.Instant;

/** A coupon just issued to a user. */
public record IssuedCoupon(
        long userCouponId, long userId, CouponSnapshot coupon, Instant issuedAt, Instant expiresAt) {}
