package com.creatorcommerce.coupon.application.port;

import com.creatorcommerce.coupon.domain.CouponUsage;
import java.util.Optional;

/** {@code coupon_usage_history}: one row per (user coupon, order). */
public interface CouponUsages {

    Optional<CouponUsage> find(long userCouponId, long orderId);

    void add(CouponUsage usage);
}
