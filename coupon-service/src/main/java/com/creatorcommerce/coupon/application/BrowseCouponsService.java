package com.creatorcommerce.coupon.application;

import com.creatorcommerce.coupon.application.port.Coupons;
import com.creatorcommerce.coupon.application.port.UserCoupons;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side for users: issuable coupons, my coupons, which coupons I hold. */
@Service
public class BrowseCouponsService {

    /** At most this many ids per check-batch request. */
    public static final int MAX_BATCH = 100;

    private final Coupons coupons;
    private final UserCoupons userCoupons;
    private final Clock clock;

    public BrowseCouponsService(Coupons coupons, UserCoupons userCoupons, Clock clock) {
        this.coupons = coupons;
        this.userCoupons = userCoupons;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<CouponSnapshot> issuableNow(int page, int pageSize) {
        return coupons.issuable(clock.instant(), page, pageSize).map(c -> c.snapshot());
    }

    /** The caller's coupons; {@code filter} {@code null} = all. */
    @Transactional(readOnly = true)
    public MyCoupons mine(long userId, UserCoupons.Filter filter, int page, int pageSize) {
        Instant now = clock.instant();
        return new MyCoupons(userCoupons.owned(userId, filter, now, page, pageSize), now);
    }

    /** For each id (in request order, duplicates once): whether the user was issued that coupon. One query. */
    @Transactional(readOnly = true)
    public Map<Long, Boolean> issuedAmong(long userId, List<Long> couponIds) {
        Set<Long> distinct = new LinkedHashSet<>(couponIds);
        if (distinct.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " ids");
        }
        Set<Long> issued = distinct.isEmpty() ? Set.of() : userCoupons.issuedAmong(userId, distinct);
        Map<Long, Boolean> result = new LinkedHashMap<>();
        distinct.forEach(id -> result.put(id, issued.contains(id)));
        return result;
    }

    /** A page of the caller's coupons and the instant their status was judged at. */
    public record MyCoupons(Page<UserCoupons.Owned> page, Instant asOf) {}
}
