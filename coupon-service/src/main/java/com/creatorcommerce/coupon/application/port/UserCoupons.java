package com.creatorcommerce.coupon.application.port;

import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.coupon.domain.UserCoupon;
import com.creatorcommerce.coupon.domain.UserCouponStatus;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Issued coupons (table {@code user_coupons}). */
public interface UserCoupons {

    /** Reads the user coupon with its row locked until the transaction ends (order commands on it serialize). */
    Optional<UserCoupon> findForUpdate(long userCouponId);

    /** A user's coupons with their coupon, newest first; {@code filter} UNUSED includes RESERVED ones. */
    Page<Owned> owned(long userId, Filter filter, Instant now, int page, int pageSize);

    /** Which of {@code couponIds} the user was issued, in one query. */
    Set<Long> issuedAmong(long userId, Collection<Long> couponIds);

    record Owned(UserCoupon userCoupon, CouponSnapshot coupon) {}

    /** The {@code status} filter of "my coupons"; {@code null} = all. */
    enum Filter {
        /** Not used and not expired (includes coupons held by an unfinished order). */
        UNUSED,
        USED,
        /** Not used and past {@code expires_at}. */
        EXPIRED;

        public boolean matches(UserCouponStatus status) {
            return switch (this) {
                case UNUSED -> status == UserCouponStatus.UNUSED || status == UserCouponStatus.RESERVED;
                case USED -> status == UserCouponStatus.USED;
                case EXPIRED -> status == UserCouponStatus.EXPIRED;
            };
        }
    }
}
