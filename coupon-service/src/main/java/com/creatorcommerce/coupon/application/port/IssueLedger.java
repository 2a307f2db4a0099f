package com.creatorcommerce.coupon.application.port;

import com.creatorcommerce.coupon.domain.CouponSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hot path of first-come-first-served issuing, as plain SQL: user coupon rows guarded by the unique key
 * {@code (user_id, coupon_id)}, and one conditional atomic increment of {@code coupons.issued_quantity}.
 */
public interface IssueLedger {

    /** A consistent (non-locking) read of the coupon. */
    Optional<CouponSnapshot> read(long couponId);

    /**
     * Inserts the user coupon in the current transaction.
     *
     * @return false if the user already holds this coupon (unique key), nothing inserted
     */
    boolean insertUserCoupon(NewUserCoupon userCoupon);

    /**
     * Inserts several user coupons of one coupon in the current transaction, in one statement; a user who already
     * holds the coupon gets no row (the unique key turns the row into a no-op).
     *
     * @return the ids of the rows actually inserted
     */
    Set<Long> insertUserCoupons(List<NewUserCoupon> userCoupons);

    /**
     * {@code issued_quantity + count} if, at this instant, the coupon is active, inside its validity window and has
     * at least {@code count} left; in the current transaction (the row stays locked until it ends).
     *
     * @return false when no row qualified: nothing changed
     */
    boolean take(long couponId, int count, Instant now);
}
