package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.credit.CreditPurchased;
import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.NewLot;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.credit.domain.WalletChange;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Crediting a paid purchase, whoever asks for it (its payment's approval, {@link PurchaseSettlement}, or the donation
 * saga's top-up step, {@link TopUpCreditStep}): the wallet change that adds its credits as a refundable lot, at most
 * once (history key {@code purchase:<id>}), and, in that ledger transaction, the purchase COMPLETED with its
 * {@code credit.purchased.v1} event.
 */
@Component
class PurchaseCrediting {

    private final CreditPurchases purchases;
    private final SettlementSignals signals;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration refundWindow;

    PurchaseCrediting(
            CreditPurchases purchases, SettlementSignals signals, Outbox outbox, Clock clock, CreditSettings settings) {
        this.purchases = purchases;
        this.signals = signals;
        this.outbox = outbox;
        this.clock = clock;
        this.refundWindow = settings.refundWindow();
    }

    /** The history row's idempotency key of a purchase: its credits are added at most once. */
    private static String idempotencyKey(long purchaseId) {
        return "purchase:" + purchaseId;
    }

    /** The purchase's credits, as a lot refundable for {@code credit.refund-window} at the price paid. */
    WalletChange change(CreditPurchase p, long paymentId) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("package_id", p.packageId());
        extra.put("purchase_id", Long.toString(p.id()));
        extra.put("payment_id", Long.toString(paymentId));
        extra.put("payment_method", p.paymentMethod());
        extra.put("amount_paid", p.price().plain());
        extra.put("currency", p.price().currencyCode());
        return new WalletChange(
                        p.userId(),
                        TransactionType.PURCHASE,
                        p.credits(),
                        "Purchased " + p.packageName() + " (" + p.credits() + " credits)",
                        extra,
                        Long.toString(p.id()),
                        idempotencyKey(p.id()))
                .withNewLot(NewLot.purchase(p.id(), p.price(), clock.instant().plus(refundWindow)));
    }

    /**
     * In the ledger transaction of an admitted credit: the purchase COMPLETED by the history row that added its
     * credits (now, or before: the key was taken), and its event. Returns that row.
     */
    CreditHistoryEntry complete(long purchaseId, long paymentId, LedgerOutcome outcome) {
        CreditHistoryEntry row = switch (outcome) {
            case LedgerOutcome.Applied applied -> applied.entry();
            case LedgerOutcome.AlreadyApplied done -> done.entry();
            default -> throw new IllegalStateException("A purchase credit cannot be " + outcome);
        };
        CreditPurchase locked = purchases.lock(purchaseId).orElseThrow();
        Instant now = clock.instant();
        locked.complete(paymentId, row.id(), row.balanceAfter(), now);
        outbox.append(OutboundMessage.of(
                        CreditTopics.EVENTS,
                        Long.toString(locked.userId()),
                        CreditTopics.PURCHASED,
                        new CreditPurchased(
                                locked.id(),
                                locked.userId(),
                                locked.packageId(),
                                locked.credits(),
                                locked.price().plain(),
                                locked.price().currencyCode(),
                                paymentId,
                                row.id(),
                                row.balanceAfter(),
                                now))
                .withUserId(locked.userId()));
        signals.settledAfterCommit(purchaseId);
        return row;
    }
}
