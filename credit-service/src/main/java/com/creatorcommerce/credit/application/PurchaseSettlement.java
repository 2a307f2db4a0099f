package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.ledger.LedgerParticipant;
import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.PurchaseStatus;
import com.creatorcommerce.platform.messaging.InboundMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The outcome of a purchase's payment (payment.replies, purpose {@code CREDIT_TOPUP}). An approval adds the package's
 * credits and completes the purchase in ONE ledger transaction ({@link PurchaseCrediting}), together with the reply's
 * inbox row and the {@code credit.purchased.v1} event: a redelivered or repeated approval finds the purchase settled
 * (and the history row's idempotency key taken) and adds nothing. A failure marks the purchase FAILED. An approval that
 * does not match its purchase (user, amount, key), or that arrives for a purchase already failed, is not credited: the
 * payment is given back ({@link PurchaseRefunds}). The answers to the refunds this service asked for arrive here too.
 */
@Service
public class PurchaseSettlement {

    public static final String CONSUMER = "credit-service.payment-replies";
    private static final Logger log = LoggerFactory.getLogger(PurchaseSettlement.class);

    private final CreditPurchases purchases;
    private final CreditLedger ledger;
    private final PurchaseCrediting crediting;
    private final HandleOnce once;
    private final PurchaseRefunds refunds;
    private final LotRefundReplies lotRefunds;
    private final SettlementSignals signals;
    private final Clock clock;

    PurchaseSettlement(
            CreditPurchases purchases,
            CreditLedger ledger,
            PurchaseCrediting crediting,
            HandleOnce once,
            PurchaseRefunds refunds,
            LotRefundReplies lotRefunds,
            SettlementSignals signals,
            Clock clock) {
        this.purchases = purchases;
        this.ledger = ledger;
        this.crediting = crediting;
        this.once = once;
        this.refunds = refunds;
        this.lotRefunds = lotRefunds;
        this.signals = signals;
        this.clock = clock;
    }

    /** payment.approved.v1 of purpose CREDIT_TOPUP; called outside a transaction. */
    public void approved(PaymentApproved a, InboundMessage message) {
        Optional<CreditPurchase> found = purchases.find(a.referenceId());
        if (found.isEmpty()) {
            log.error("Payment {} approved for unknown purchase {}: giving it back", a.paymentId(), a.referenceId());
            once.run(CONSUMER, message, () -> refunds.giveBack(a, "no such purchase"));
            return;
        }
        CreditPurchase p = found.get();
        if (!p.matchesApproval(a.userId(), a.amount(), a.paymentKey())) {
            failAndGiveBack(
                    message,
                    p.id(),
                    a,
                    "PAYMENT_MISMATCH",
                    "The approved payment (user " + a.userId() + ", amount " + a.amount()
                            + ") does not match the purchase");
            return;
        }
        ledger.apply(new LedgerEntry(crediting.change(p, a.paymentId()), completion(p.id(), a, message), message));
    }

    /** Runs in the ledger transaction of an approval: inbox row, purchase completed, event. */
    private LedgerParticipant completion(long purchaseId, PaymentApproved approval, InboundMessage message) {
        return new LedgerParticipant() {
            @Override
            public boolean admit() {
                if (!once.mark(CONSUMER, message)) {
                    return false; // this very message was handled before
                }
                CreditPurchase locked = purchases.lock(purchaseId).orElseThrow();
                if (locked.status() == PurchaseStatus.FAILED) {
                    // paid after it had failed: give the money back rather than credit a failed purchase
                    refunds.giveBack(approval, "purchase " + purchaseId + " had failed");
                    locked.refundRequested(clock.instant());
                }
                return locked.status() == PurchaseStatus.PENDING;
            }

            @Override
            public void complete(LedgerOutcome outcome) {
                crediting.complete(purchaseId, approval.paymentId(), outcome);
            }
        };
    }

    /** payment.failed.v1 of purpose CREDIT_TOPUP: nothing is credited. */
    public void failed(PaymentFailed f, InboundMessage message) {
        failAndGiveBack(message, f.referenceId(), null, f.failureCode(), f.failureMessage());
    }

    /** payment.cancelled.v1: a payment this service gave back (others' cancels are ignored). */
    public void refunded(PaymentCancelled c, InboundMessage message) {
        if (LotRefundReplies.isOurs(c.cancelRequestId())) {
            lotRefunds.cancelled(c, message);
            return;
        }
        refunds.cancelled(c, message);
    }

    /** payment.cancel-failed.v1: a refund this service asked for was refused (others' are ignored). */
    public void refundFailed(PaymentCancelFailed f, InboundMessage message) {
        if (LotRefundReplies.isOurs(f.cancelRequestId())) {
            lotRefunds.cancelFailed(f, message);
            return;
        }
        refunds.cancelFailed(f, message);
    }

    private void failAndGiveBack(
            InboundMessage message, long purchaseId, PaymentApproved approvedToGiveBack, String code, String reason) {
        once.run(CONSUMER, message, () -> {
            Optional<CreditPurchase> locked = purchases.lock(purchaseId);
            if (locked.isEmpty()) {
                log.warn("Payment outcome {} for unknown purchase {}", code, purchaseId);
                return;
            }
            CreditPurchase p = locked.get();
            Instant now = clock.instant();
            if (p.fail(code, reason, now)) {
                log.info("Purchase {} failed: {} {}", purchaseId, code, reason);
                signals.settledAfterCommit(purchaseId);
            }
            if (approvedToGiveBack != null) {
                refunds.giveBack(approvedToGiveBack, reason);
                p.refundRequested(now);
            }
        });
    }
}
