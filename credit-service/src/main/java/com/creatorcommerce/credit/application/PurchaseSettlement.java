package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.credit.CreditPurchased;
import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.ledger.LedgerParticipant;
import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.NewLot;
import com.creatorcommerce.credit.domain.PurchaseStatus;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.credit.domain.WalletChange;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The outcome of a purchase's payment (payment.replies, purpose {@code CREDIT_TOPUP}). An approval adds the package's
 * credits and completes the purchase in ONE ledger transaction, together with the reply's inbox row and the
 * {@code credit.purchased.v1} event: a redelivered or repeated approval finds the purchase settled (and the history
 * row's idempotency key taken) and adds nothing. A failure marks the purchase FAILED. An approval that does not match
 * its purchase (user, amount, key), or that arrives for a purchase already failed, is not credited: the payment is
 * given back ({@link PurchaseRefunds}).
 */
@Service
public class PurchaseSettlement {

    public static final String CONSUMER = "credit-service.payment-replies";
    private static final Logger log = LoggerFactory.getLogger(PurchaseSettlement.class);

    private final CreditPurchases purchases;
    private final CreditLedger ledger;
    private final HandleOnce once;
    private final PurchaseRefunds refunds;
    private final SettlementSignals signals;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration refundWindow;
    private final RefundService lotRefunds;

    PurchaseSettlement(
            CreditPurchases purchases,
            CreditLedger ledger,
            HandleOnce once,
            PurchaseRefunds refunds,
            SettlementSignals signals,
            Outbox outbox,
            Clock clock,
            CreditSettings settings,
            RefundService lotRefunds) {
        this.lotRefunds = lotRefunds;
        this.refundWindow = settings.refundWindow();
        this.purchases = purchases;
        this.ledger = ledger;
        this.once = once;
        this.refunds = refunds;
        this.signals = signals;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The history row's idempotency key of a purchase: its credits are added at most once. */
    static String idempotencyKey(long purchaseId) {
        return "purchase:" + purchaseId;
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
        ledger.apply(new LedgerEntry(credit(p, a.paymentId()), new Completion(p.id(), a, message), message));
    }

    /**
     * The donation saga's {@code credit-top-up} step ({@link DonationSagaMessages#CREDIT_TOP_UP}, handled once by
     * {@code consumer}): credits the purchase its payment approved, exactly like an approval arriving here, and
     * answers the saga in the same ledger transaction. A purchase already credited (the approval reached
     * {@link #approved} first) answers credited at once; a failed one, or a payment that is not the purchase's,
     * answers rejected (the approval's own path gives such a payment back). Called outside a transaction.
     */
    public void creditForSaga(DonationSagaMessages.CreditTopUp cmd, InboundMessage message, String consumer) {
        Optional<CreditPurchase> found = purchases.find(cmd.purchaseId());
        if (found.isEmpty()) {
            once.run(
                    consumer,
                    message,
                    () -> sagaRejected(cmd, "PURCHASE_NOT_FOUND", "No purchase " + cmd.purchaseId() + "."));
            return;
        }
        ledger.apply(
                new LedgerEntry(credit(found.get(), cmd.paymentId()), new SagaCredit(cmd, message, consumer), message));
    }

    private void sagaRejected(DonationSagaMessages.CreditTopUp cmd, String code, String detail) {
        outbox.append(OutboundMessage.of(
                        DonationSagaMessages.REPLIES,
                        Long.toString(cmd.userId()),
                        DonationSagaMessages.TOP_UP_CREDIT_REJECTED,
                        new DonationSagaMessages.StepRejected(cmd.purchaseId(), code, detail))
                .withUserId(cmd.userId()));
    }

    private void sagaCredited(DonationSagaMessages.CreditTopUp cmd, long historyId) {
        outbox.append(OutboundMessage.of(
                        DonationSagaMessages.REPLIES,
                        Long.toString(cmd.userId()),
                        DonationSagaMessages.TOP_UP_CREDITED,
                        new DonationSagaMessages.TopUpCredited(cmd.purchaseId(), historyId))
                .withUserId(cmd.userId()));
    }

    /** Runs in the ledger transaction of the saga's credit: inbox row, purchase completed, event, the saga's reply. */
    private final class SagaCredit implements LedgerParticipant {
        private final DonationSagaMessages.CreditTopUp cmd;
        private final InboundMessage message;
        private final String consumer;

        SagaCredit(DonationSagaMessages.CreditTopUp cmd, InboundMessage message, String consumer) {
            this.cmd = cmd;
            this.message = message;
            this.consumer = consumer;
        }

        @Override
        public boolean admit() {
            if (!once.mark(consumer, message)) {
                return false; // this very command was handled before
            }
            CreditPurchase locked = purchases.lock(cmd.purchaseId()).orElseThrow();
            if (locked.status() == PurchaseStatus.COMPLETED) {
                sagaCredited(cmd, locked.completion().transactionId());
                return false;
            }
            if (locked.status() != PurchaseStatus.PENDING) {
                sagaRejected(
                        cmd,
                        "PAYMENT_DECLINED",
                        "The top-up purchase is " + locked.status() + " ("
                                + (locked.failure() == null
                                        ? null
                                        : locked.failure().code()) + ")");
                return false;
            }
            if (!locked.matchesApproval(cmd.userId(), cmd.amount(), cmd.paymentKey())) {
                sagaRejected(cmd, "PAYMENT_DECLINED", "The approved payment does not match the purchase");
                return false;
            }
            return true;
        }

        @Override
        public void complete(LedgerOutcome outcome) {
            CreditHistoryEntry row = switch (outcome) {
                case LedgerOutcome.Applied applied -> applied.entry();
                case LedgerOutcome.AlreadyApplied done -> done.entry();
                default -> throw new IllegalStateException("A purchase credit cannot be " + outcome);
            };
            completePurchase(cmd.purchaseId(), cmd.paymentId(), row);
            sagaCredited(cmd, row.id());
        }
    }

    /** payment.failed.v1 of purpose CREDIT_TOPUP: nothing is credited. */
    public void failed(PaymentFailed f, InboundMessage message) {
        failAndGiveBack(message, f.referenceId(), null, f.failureCode(), f.failureMessage());
    }

    /** payment.cancelled.v1: a payment this service gave back (others' cancels are ignored). */
    public void refunded(PaymentCancelled c, InboundMessage message) {
        if (RefundService.isOurs(c.cancelRequestId())) {
            lotRefunds.cancelled(c, message);
            return;
        }
        refunds.cancelled(c, message);
    }

    /** payment.cancel-failed.v1: a refund this service asked for was refused (others' are ignored). */
    public void refundFailed(PaymentCancelFailed f, InboundMessage message) {
        if (RefundService.isOurs(f.cancelRequestId())) {
            lotRefunds.cancelFailed(f, message);
            return;
        }
        refunds.cancelFailed(f, message);
    }

    /** The purchase's credits, as a lot refundable for {@code credit.refund-window} at the price paid. */
    private WalletChange credit(CreditPurchase p, long paymentId) {
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

    /** Runs in the ledger transaction of an approval: inbox row, purchase completed, event. */
    private final class Completion implements LedgerParticipant {
        private final long purchaseId;
        private final PaymentApproved approval;
        private final InboundMessage message;

        Completion(long purchaseId, PaymentApproved approval, InboundMessage message) {
            this.purchaseId = purchaseId;
            this.approval = approval;
            this.message = message;
        }

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
            CreditHistoryEntry row = switch (outcome) {
                case LedgerOutcome.Applied applied -> applied.entry();
                case LedgerOutcome.AlreadyApplied done -> done.entry();
                default -> throw new IllegalStateException("A purchase credit cannot be " + outcome);
            };
            completePurchase(purchaseId, approval.paymentId(), row);
        }
    }

    /** In the ledger transaction: the purchase COMPLETED by history row {@code row}, and its event. */
    private void completePurchase(long purchaseId, long paymentId, CreditHistoryEntry row) {
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
