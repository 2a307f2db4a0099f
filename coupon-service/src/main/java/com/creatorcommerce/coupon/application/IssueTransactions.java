package com.creatorcommerce.coupon.application;

import com.creatorcommerce.contracts.coupon.CouponIssued;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.coupon.application.port.IssueLedger;
import com.creatorcommerce.coupon.application.port.NewUserCoupon;
import com.creatorcommerce.coupon.domain.CouponRefusal;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The issue transaction, for one user or for several users of one coupon: insert the user coupon rows first (the
 * unique key {@code (user_id, coupon_id)} turns a second coupon for a user into nothing, before any quantity is
 * taken), append one {@code coupon.issued.v1} per new row, and take the quantity last with one conditional atomic
 * UPDATE ({@code issued_quantity + n <= total_quantity}, still active and valid), so that the coupon's row lock is
 * held only for that statement and the commit. If the UPDATE matches nothing the transaction rolls back: nothing is
 * left behind. A batch that crosses the sell-out point is retried with as many users as remain, in arrival order,
 * until they are all answered: never more issued than the total, and never less while users are waiting.
 */
@Component
public class IssueTransactions {

    private static final CouponRefusedException ALREADY_ISSUED =
            new CouponRefusedException(CouponRefusal.COUPON_ALREADY_ISSUED, "You already have this coupon.");
    private static final IssueOutcome ALREADY_ISSUED_OUTCOME = IssueOutcome.Refused.of(ALREADY_ISSUED);
    private static final IssueOutcome BUSY = new IssueOutcome.Busy();

    private final IssueLedger ledger;
    private final CouponSnapshotCache snapshots;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxAttempts;

    public IssueTransactions(
            IssueLedger ledger,
            CouponSnapshotCache snapshots,
            Outbox outbox,
            IdGenerator ids,
            TransactionTemplate tx,
            Clock clock,
            IssueSettings settings) {
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
        this.maxAttempts = settings.maxAttempts();
    }

    /** One user, one transaction (deadlock victims are retried). */
    public IssuedCoupon issueOne(long userId, CouponSnapshot coupon, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    NewUserCoupon row = newRow(userId, coupon, now);
                    if (!ledger.insertUserCoupon(row)) {
                        throw ALREADY_ISSUED;
                    }
                    announce(row);
                    if (!ledger.take(coupon.id(), 1, now)) {
                        throw new NothingLeft();
                    }
                    return new IssuedCoupon(row.userCouponId(), userId, coupon, now, row.expiresAt());
                });
            } catch (NothingLeft e) {
                refuseIfNotIssuable(coupon.id()); // usually: sold out
                if (attempt >= maxAttempts) {
                    throw new IssueBusyException(); // issuable again (an admin raised the quantity): retry later
                }
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= maxAttempts) {
                    throw new IssueBusyException();
                }
            }
        }
    }

    /** Several distinct users of one coupon (arrival order). Returns every user's outcome. */
    public Map<Long, IssueOutcome> issueMany(List<Long> userIds, CouponSnapshot coupon, Instant now) {
        Map<Long, IssueOutcome> outcomes = new HashMap<>();
        List<Long> waiting = new ArrayList<>(userIds);
        int limit = waiting.size();
        int failures = 0;
        while (!waiting.isEmpty()) {
            List<Long> round = List.copyOf(waiting.subList(0, Math.min(limit, waiting.size())));
            try {
                outcomes.putAll(tx.execute(status -> insertAndTake(round, coupon, now)));
                waiting.subList(0, round.size()).clear();
                limit = waiting.size();
            } catch (NothingLeft e) {
                Optional<CouponSnapshot> fresh = snapshots.refresh(coupon.id());
                Optional<CouponRefusedException> refusal = refusal(coupon.id(), fresh);
                if (refusal.isPresent()) {
                    IssueOutcome refused = IssueOutcome.Refused.of(refusal.get());
                    waiting.forEach(u -> outcomes.put(u, refused));
                    break;
                }
                Integer remaining = fresh.get().remainingQuantity();
                if (remaining != null && remaining < round.size()) {
                    limit = remaining; // the first ones in line get what is left; the others are tried next
                } else if (++failures >= maxAttempts) {
                    waiting.forEach(u -> outcomes.put(u, BUSY));
                    break;
                }
            } catch (PessimisticLockingFailureException e) {
                if (++failures >= maxAttempts) {
                    waiting.forEach(u -> outcomes.put(u, BUSY));
                    break;
                }
            }
        }
        return outcomes;
    }

    private Map<Long, IssueOutcome> insertAndTake(List<Long> userIds, CouponSnapshot coupon, Instant now) {
        List<NewUserCoupon> rows = userIds.stream()
                .map(u -> newRow(u, coupon, now))
                .sorted(Comparator.comparingLong(NewUserCoupon::userId)) // one lock order for all inserters
                .toList();
        Set<Long> inserted = ledger.insertUserCoupons(rows);
        Map<Long, IssueOutcome> outcomes = new HashMap<>();
        List<NewUserCoupon> issued = new ArrayList<>();
        for (NewUserCoupon row : rows) {
            if (inserted.contains(row.userCouponId())) {
                issued.add(row);
                announce(row);
            } else {
                outcomes.put(row.userId(), ALREADY_ISSUED_OUTCOME);
            }
        }
        if (!issued.isEmpty() && !ledger.take(coupon.id(), issued.size(), now)) {
            throw new NothingLeft();
        }
        issued.forEach(row -> outcomes.put(
                row.userId(),
                new IssueOutcome.Issued(
                        new IssuedCoupon(row.userCouponId(), row.userId(), coupon, now, row.expiresAt()))));
        return outcomes;
    }

    private NewUserCoupon newRow(long userId, CouponSnapshot coupon, Instant now) {
        return new NewUserCoupon(ids.nextId(), userId, coupon.id(), now, coupon.expiresAt(now));
    }

    private void announce(NewUserCoupon row) {
        outbox.append(OutboundMessage.of(
                        CouponTopics.EVENTS,
                        Long.toString(row.userCouponId()),
                        CouponTopics.ISSUED,
                        new CouponIssued(
                                row.userCouponId(), row.couponId(), row.userId(), row.issuedAt(), row.expiresAt()))
                .withUserId(row.userId()));
    }

    /** After an update that took nothing: why, from a fresh read (usually: sold out). */
    private Optional<CouponRefusedException> refusal(long couponId, Optional<CouponSnapshot> fresh) {
        if (fresh.isEmpty()) {
            return Optional.of(
                    new CouponRefusedException(CouponRefusal.COUPON_NOT_FOUND, "No coupon " + couponId + "."));
        }
        return fresh.get().issueRefusal(clock.instant());
    }

    private void refuseIfNotIssuable(long couponId) {
        Optional<CouponRefusedException> refusal = refusal(couponId, snapshots.refresh(couponId));
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** Rolls the issue transaction back: the conditional update took nothing. */
    private static final class NothingLeft extends RuntimeException {
        NothingLeft() {
            super(null, null, false, false);
        }
    }
}
