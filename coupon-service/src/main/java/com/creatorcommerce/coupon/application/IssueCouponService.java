package com.creatorcommerce.coupon.application;

import com.creatorcommerce.coupon.domain.CouponRefusal;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.platform.batching.PerKeyCombiner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * First-come-first-served issuing that never over-issues (see {@link IssueTransactions} for the transaction). Requests
 * for a coupon that is unknown, inactive, outside its validity or sold out according to a recent read are refused
 * without a transaction.
 *
 * <p>One lane per coupon in this instance ({@link PerKeyCombiner}): issue requests queue in arrival order and one of
 * them at a time takes everything waiting, up to {@link IssueSettings#maxBatch()}, and issues it in one transaction.
 * All issuers of one coupon serialize on the coupon's row lock anyway, and each transaction's commit (a log flush) is
 * the cost of holding it: coalescing the requests that wait meanwhile into one transaction pays that cost once per
 * batch instead of once per request. It also keeps a hot coupon to one pooled connection per instance and keeps the
 * database's lock queue short. Correctness never depends on the lane: the database's conditional update and unique
 * key decide, so several instances stay exact.
 *
 * <p>Every request is counted in {@code coupon.issue.requests{outcome}}: {@code issued}, {@code sold_out},
 * {@code already_issued}, {@code not_issuable} (unknown, inactive, not started or expired coupon) or {@code busy}.
 */
@Service
public class IssueCouponService {

    private static final IssueOutcome ALREADY_ISSUED =
            new IssueOutcome.Refused(CouponRefusal.COUPON_ALREADY_ISSUED, "You already have this coupon.");

    private final CouponSnapshotCache snapshots;
    private final IssueTransactions transactions;
    private final Clock clock;
    private final boolean coalesce;
    private final Duration queueTimeout;
    private final PerKeyCombiner<Long, Long, IssueOutcome> lanes;
    private final Map<String, Counter> outcomes;

    public IssueCouponService(
            CouponSnapshotCache snapshots,
            IssueTransactions transactions,
            Clock clock,
            IssueSettings settings,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.transactions = transactions;
        this.clock = clock;
        this.coalesce = settings.maxBatch() > 1;
        this.queueTimeout = settings.queueTimeout();
        this.lanes = PerKeyCombiner.<Long, Long, IssueOutcome>builder(this::issueBatch)
                .maxBatch(settings.maxBatch())
                .build();
        Map<String, Counter> counters = new HashMap<>();
        for (String outcome : List.of("issued", "sold_out", "already_issued", "not_issuable", "busy")) {
            counters.put(
                    outcome,
                    Counter.builder("coupon.issue.requests")
                            .tag("outcome", outcome)
                            .description("coupon issue requests by outcome")
                            .register(meters));
        }
        this.outcomes = Map.copyOf(counters);
    }

    /**
     * @throws CouponRefusedException COUPON_NOT_FOUND, COUPON_INACTIVE, COUPON_NOT_STARTED, COUPON_EXPIRED,
     *                                COUPON_SOLD_OUT or COUPON_ALREADY_ISSUED; nothing changed
     * @throws IssueBusyException no turn in time; nothing changed, the client may retry
     */
    public IssuedCoupon issue(long userId, long couponId) {
        try {
            IssuedCoupon issued = issueOrRefuse(userId, couponId);
            outcomes.get("issued").increment();
            return issued;
        } catch (CouponRefusedException refused) {
            outcomes.get(
                            switch (refused.refusal()) {
                                case COUPON_SOLD_OUT, COUPON_ALREADY_ISSUED ->
                                    refused.refusal()
                                            .name()
                                            .substring("COUPON_".length())
                                            .toLowerCase(Locale.ROOT);
                                default -> "not_issuable";
                            })
                    .increment();
            throw refused;
        } catch (IssueBusyException busy) {
            outcomes.get("busy").increment();
            throw busy;
        }
    }

    private IssuedCoupon issueOrRefuse(long userId, long couponId) {
        refuseIfNotIssuable(couponId, clock.instant());
        if (!coalesce) {
            Instant now = clock.instant();
            return transactions.issueOne(userId, refuseIfNotIssuable(couponId, now), now);
        }
        IssueOutcome outcome = lanes.submit(couponId, userId, queueTimeout).orElseThrow(IssueBusyException::new);
        return switch (outcome) {
            case IssueOutcome.Issued issued -> issued.coupon();
            case IssueOutcome.Refused refused -> throw new CouponRefusedException(refused.refusal(), refused.detail());
            case IssueOutcome.Busy busy -> throw new IssueBusyException();
        };
    }

    /** One lane batch: requests in arrival order (a user may appear twice). */
    private List<IssueOutcome> issueBatch(long couponId, List<Long> users) {
        Instant now = clock.instant();
        CouponSnapshot coupon;
        try {
            // the coupon may have sold out while these requests waited: refuse them without a transaction
            coupon = refuseIfNotIssuable(couponId, now);
        } catch (CouponRefusedException refused) {
            return Collections.nCopies(users.size(), IssueOutcome.Refused.of(refused));
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(users));
        Map<Long, IssueOutcome> byUser;
        if (distinct.size() == 1) {
            byUser = Map.of(distinct.getFirst(), issueAlone(distinct.getFirst(), coupon, now));
        } else {
            byUser = transactions.issueMany(distinct, coupon, now);
        }
        // the same user twice in one batch: the second request is told it already has the coupon (or the same no)
        List<IssueOutcome> outcomes = new ArrayList<>(users.size());
        Set<Long> answered = new HashSet<>();
        for (long user : users) {
            IssueOutcome outcome = byUser.get(user);
            if (!answered.add(user) && outcome instanceof IssueOutcome.Issued) {
                outcome = ALREADY_ISSUED;
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private IssueOutcome issueAlone(long userId, CouponSnapshot coupon, Instant now) {
        try {
            return new IssueOutcome.Issued(transactions.issueOne(userId, coupon, now));
        } catch (CouponRefusedException refused) {
            return IssueOutcome.Refused.of(refused);
        } catch (IssueBusyException busy) {
            return new IssueOutcome.Busy();
        }
    }

    private CouponSnapshot refuseIfNotIssuable(long couponId, Instant now) {
        CouponSnapshot coupon = snapshots
                .get(couponId)
                .orElseThrow(() ->
                        new CouponRefusedException(CouponRefusal.COUPON_NOT_FOUND, "No coupon " + couponId + "."));
        Optional<CouponRefusedException> refusal = coupon.issueRefusal(now);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return coupon;
    }
}
