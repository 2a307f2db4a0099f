package com.creatorcommerce.coupon.application;

import com.creatorcommerce.coupon.application.port.Coupons;
import com.creatorcommerce.coupon.domain.Coupon;
import com.creatorcommerce.coupon.domain.CouponRefusal;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.coupon.domain.CouponTerms;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Admin use cases: create, revise, deactivate, read coupon definitions. */
@Service
public class ManageCouponsService {

    private final Coupons coupons;
    private final CouponSnapshotCache snapshots;
    private final IdGenerator ids;
    private final Clock clock;

    public ManageCouponsService(Coupons coupons, CouponSnapshotCache snapshots, IdGenerator ids, Clock clock) {
        this.coupons = coupons;
        this.snapshots = snapshots;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public CouponDetails create(CouponTerms terms) {
        Coupon coupon = Coupon.create(ids.nextId(), terms, clock.instant());
        coupons.add(coupon);
        return CouponDetails.of(coupon);
    }

    /**
     * Replaces the terms under the coupon's row lock: concurrent issues wait, so a lower total quantity is checked
     * against the real issued quantity.
     *
     * @param active {@code null} keeps the active flag
     */
    @Transactional
    public CouponDetails revise(long couponId, CouponTerms terms, Boolean active) {
        Coupon coupon = coupons.findForUpdate(couponId).orElseThrow(() -> notFound(couponId));
        coupon.revise(terms, active, clock.instant());
        forgetAfterCommit(couponId);
        return CouponDetails.of(coupon);
    }

    @Transactional
    public CouponDetails deactivate(long couponId) {
        Coupon coupon = coupons.findForUpdate(couponId).orElseThrow(() -> notFound(couponId));
        coupon.deactivate(clock.instant());
        forgetAfterCommit(couponId);
        return CouponDetails.of(coupon);
    }

    @Transactional(readOnly = true)
    public CouponDetails get(long couponId) {
        return coupons.find(couponId).map(CouponDetails::of).orElseThrow(() -> notFound(couponId));
    }

    @Transactional(readOnly = true)
    public Page<CouponDetails> all(int page, int pageSize) {
        return coupons.all(page, pageSize).map(CouponDetails::of);
    }

    private void forgetAfterCommit(long couponId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                snapshots.evict(couponId);
            }
        });
    }

    private static CouponRefusedException notFound(long couponId) {
        return new CouponRefusedException(CouponRefusal.COUPON_NOT_FOUND, "No coupon " + couponId + ".");
    }
}
