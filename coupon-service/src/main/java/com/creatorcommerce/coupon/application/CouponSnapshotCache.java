package com.creatorcommerce.coupon.application;

import com.creatorcommerce.coupon.application.port.IssueLedger;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Recent reads of coupons for the issue path, per instance, for at most {@link IssueSettings#snapshotTtl()}: once a
 * coupon is sold out (or inactive, or expired), the requests that follow are refused without touching the database.
 * Never decides that a coupon is issued.
 */
@Component
public class CouponSnapshotCache {

    private static final int MAX_ENTRIES = 10_000;

    private final IssueLedger ledger;
    private final long ttlNanos;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    public CouponSnapshotCache(IssueLedger ledger, IssueSettings settings) {
        this.ledger = ledger;
        this.ttlNanos = settings.snapshotTtl().toNanos();
    }

    public Optional<CouponSnapshot> get(long couponId) {
        if (ttlNanos > 0) {
            Entry entry = entries.get(couponId);
            if (entry != null && System.nanoTime() - entry.readAt < ttlNanos) {
                return Optional.of(entry.snapshot);
            }
        }
        return refresh(couponId);
    }

    /** Reads the coupon again (unknown coupons are not remembered). */
    public Optional<CouponSnapshot> refresh(long couponId) {
        long readAt = System.nanoTime();
        Optional<CouponSnapshot> snapshot = ledger.read(couponId);
        if (ttlNanos > 0) {
            if (snapshot.isPresent()) {
                if (entries.size() >= MAX_ENTRIES) {
                    entries.values().removeIf(e -> readAt - e.readAt >= ttlNanos);
                }
                entries.put(couponId, new Entry(snapshot.get(), readAt));
            } else {
                entries.remove(couponId);
            }
        }
        return snapshot;
    }

    public void evict(long couponId) {
        entries.remove(couponId);
    }

    private record Entry(CouponSnapshot snapshot, long readAt) {}
}
