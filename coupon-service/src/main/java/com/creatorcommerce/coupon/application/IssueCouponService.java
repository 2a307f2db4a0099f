package com.creatorcommerce.coupon.application;

import com.creatorcommerce.coupon.domain.CouponRefusal;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * First-come-first-served issuing that never over-issues (see {@link IssueTransactions} for the transaction and
 * {@link IssueLanes} for how concurrent requests of one coupon share transactions). Requests for a coupon that is
 * unknown, inactive, outside its validity or sold out according to a recent read are refused without a transaction.
 */
@Service
public class IssueCouponService {

    private final CouponSnapshotCache snapshots;
    private final IssueTransactions transactions;
    private final IssueLanes lanes;
    private final Clock clock;
    private final boolean coalesce;

    public IssueCouponService(CouponSnapshotCache snapshots, IssueTransactions transactions, IssueLanes lanes,
            Clock clock, IssueSettings settings) {
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.lanes = lanes;
        this.clock = clock;
        this.coalesce = settings.maxBatch() > 1;
    }

    /**
     * @throws CouponRefusedException COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED,
     *                                COUPON_SOLD_OUT or COUPON_ALREADY_ISSUED; nothing changed
     * @throws IssueBusyException no turn in time; nothing changed, the client may retry
     */
    public IssuedCoupon issue(long userId, long couponId) {
        refuseIfNotIssuable(couponId, clock.instant());
        if (!coalesce) {
            Instant now = clock.instant();
            return transactions.issueOne(userId, refuseIfNotIssuable(couponId, now), now);
        }
        Object outcome = lanes.submit(couponId, userId, users -> issueBatch(couponId, users));
        if (outcome instanceof IssuedCoupon issued) {
            return issued;
        }
        throw (RuntimeException) outcome;
    }

    /** One lane batch: requests in arrival order (a user may appear twice). */
    private List<Object> issueBatch(long couponId, List<Long> users) {
        Instant now = clock.instant();
        CouponSnapshot coupon;
        try {
            // the coupon may have sold out while these requests waited: refuse them without a transaction
            coupon = refuseIfNotIssuable(couponId, now);
        } catch (CouponRefusedException refused) {
            return Collections.nCopies(users.size(), refused);
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(users));
        Map<Long, Object> byUser;
        if (distinct.size() == 1) {
            Object outcome;
            try {
                outcome = transactions.issueOne(distinct.getFirst(), coupon, now);
            } catch (RuntimeException e) {
                outcome = e;
            }
            byUser = Map.of(distinct.getFirst(), outcome);
        } else {
            byUser = transactions.issueMany(distinct, coupon, now);
        }
        // the same user twice in one batch: the second request is told it already has the coupon (or the same no)
        List<Object> outcomes = new ArrayList<>(users.size());
        Set<Long> answered = new HashSet<>();
        for (long user : users) {
            Object outcome = byUser.get(user);
            if (!answered.add(user) && outcome instanceof IssuedCoupon) {
                outcome = new CouponRefusedException(CouponRefusal.COUPON_ALREADY_ISSUED,
                        "You already have this coupon.");
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private CouponSnapshot refuseIfNotIssuable(long couponId, Instant now) {
        CouponSnapshot coupon = snapshots.get(couponId).orElseThrow(() -> new CouponRefusedException(
                CouponRefusal.COUPON_NOT_FOUND, "No coupon " + couponId + "."));
        Optional<CouponRefusedException> refusal = coupon.issueRefusal(now);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return coupon;
    }
}
