package com.creatorcommerce.coupon.application;

import com.creatorcommerce.coupon.domain.Coupon;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import java.time.Instant;

/** A coupon as admins and the catalog see it. */
public record CouponDetails(CouponSnapshot coupon, Instant createdAt, Instant updatedAt) {

    public static CouponDetails of(Coupon coupon) {
        return new CouponDetails(coupon.snapshot(), coupon.createdAt(), coupon.updatedAt());
    }
}
