package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buying a credit package (seed 002): start the purchase ({@link StartPurchase}), then wait a few seconds for
 * payment-service's answer so that most purchases answer at once; a purchase still PENDING after
 * {@code credit.settle-wait} is returned as it is (the client follows its status). The payment's outcome is applied
 * by {@link PurchaseSettlement} whenever it arrives.
 */
@Service
public class PurchaseCreditsService {

    /** Re-read period while waiting, for outcomes another instance settles. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final StartPurchase starting;
    private final CreditPurchases purchases;
    private final SettlementSignals signals;
    private final Duration settleWait;
    private final Clock clock;

    PurchaseCreditsService(
            StartPurchase starting,
            CreditPurchases purchases,
            SettlementSignals signals,
            CreditSettings settings,
            Clock clock) {
        this.starting = starting;
        this.purchases = purchases;
        this.signals = signals;
        this.settleWait = settings.settleWait();
        this.clock = clock;
    }

    /**
     * Starts (or finds again, for the same token, user and package) the purchase and waits for its outcome at most
     * {@code credit.settle-wait}. Call outside a transaction.
     */
    public PurchaseView purchase(long userId, String packageId, String paymentMethod, String paymentKey) {
        PurchaseView started;
        try {
            started = starting.start(userId, packageId, paymentMethod, paymentKey);
        } catch (DataIntegrityViolationException raced) {
            // a concurrent request inserted the same payment key first: this is that purchase, or a refusal
            started = starting.start(userId, packageId, paymentMethod, paymentKey);
        }
        return started.settled() ? started : awaitOutcome(started.id(), userId);
    }

    /** The purchase, if it is the user's. */
    @Transactional(readOnly = true)
    public PurchaseView get(long userId, long purchaseId) {
        return purchases
                .find(purchaseId)
                .filter(p -> p.userId() == userId)
                .map(PurchaseView::of)
                .orElseThrow(() -> new CreditRefusedException(
                        CreditRefusal.PURCHASE_NOT_FOUND, "No purchase " + purchaseId + "."));
    }

    private PurchaseView awaitOutcome(long purchaseId, long userId) {
        Instant deadline = clock.instant().plus(settleWait);
        while (true) {
            CompletableFuture<Void> signal = signals.listen(purchaseId);
            try {
                PurchaseView now = get(userId, purchaseId);
                Duration left = Duration.between(clock.instant(), deadline);
                if (now.settled() || left.isNegative() || left.isZero()) {
                    return now;
                }
                signals.await(signal, left.compareTo(POLL) < 0 ? left : POLL);
            } finally {
                signals.forget(purchaseId, signal);
            }
        }
    }
}
