package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.DonationSagaMessages.CreditTopUp;
import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.ledger.LedgerParticipant;
import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.PurchaseFailure;
import com.creatorcommerce.credit.domain.PurchaseStatus;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The donation saga's {@code credit-top-up} step ({@link DonationSagaMessages#CREDIT_TOP_UP}): credits the purchase
 * its payment approved, exactly like an approval arriving at {@link PurchaseSettlement}, and answers the saga in the
 * same ledger transaction. A purchase already credited (the approval got there first) answers credited at once; a
 * failed one, or a payment that is not the purchase's, answers rejected (the approval's own path gives such a payment
 * back).
 */
@Component
class TopUpCreditStep {

    private final CreditPurchases purchases;
    private final CreditLedger ledger;
    private final PurchaseCrediting crediting;
    private final HandleOnce once;
    private final Outbox outbox;

    TopUpCreditStep(
            CreditPurchases purchases,
            CreditLedger ledger,
            PurchaseCrediting crediting,
            HandleOnce once,
            Outbox outbox) {
        this.purchases = purchases;
        this.ledger = ledger;
        this.crediting = crediting;
        this.once = once;
        this.outbox = outbox;
    }

    /** Handles {@code cmd} once for {@code consumer}; called outside a transaction. */
    void credit(CreditTopUp cmd, InboundMessage message, String consumer) {
        Optional<CreditPurchase> found = purchases.find(cmd.purchaseId());
        if (found.isEmpty()) {
            once.run(
                    consumer,
                    message,
                    () -> rejected(cmd, "PURCHASE_NOT_FOUND", "No purchase " + cmd.purchaseId() + "."));
            return;
        }
        ledger.apply(new LedgerEntry(
                crediting.change(found.get(), cmd.paymentId()), sagaCredit(cmd, message, consumer), message));
    }

    private void rejected(CreditTopUp cmd, String code, String detail) {
        reply(
                cmd,
                DonationSagaMessages.TOP_UP_CREDIT_REJECTED,
                new DonationSagaMessages.StepRejected(cmd.purchaseId(), code, detail));
    }

    private void credited(CreditTopUp cmd, long historyId) {
        reply(
                cmd,
                DonationSagaMessages.TOP_UP_CREDITED,
                new DonationSagaMessages.TopUpCredited(cmd.purchaseId(), historyId));
    }

    private void reply(CreditTopUp cmd, String type, Object payload) {
        outbox.append(OutboundMessage.of(DonationSagaMessages.REPLIES, Long.toString(cmd.userId()), type, payload)
                .withUserId(cmd.userId()));
    }

    /** Runs in the ledger transaction of the saga's credit: inbox row, purchase completed, event, the saga's reply. */
    private LedgerParticipant sagaCredit(CreditTopUp cmd, InboundMessage message, String consumer) {
        return new LedgerParticipant() {
            @Override
            public boolean admit() {
                if (!once.mark(consumer, message)) {
                    return false; // this very command was handled before
                }
                CreditPurchase locked = purchases.lock(cmd.purchaseId()).orElseThrow();
                if (locked.status() == PurchaseStatus.COMPLETED) {
                    credited(cmd, locked.completion().transactionId());
                    return false;
                }
                if (locked.status() != PurchaseStatus.PENDING) {
                    PurchaseFailure failure = locked.failure();
                    rejected(
                            cmd,
                            "PAYMENT_DECLINED",
                            "The top-up purchase is " + locked.status() + " ("
                                    + (failure == null ? null : failure.code()) + ")");
                    return false;
                }
                if (!locked.matchesApproval(cmd.userId(), cmd.amount(), cmd.paymentKey())) {
                    rejected(cmd, "PAYMENT_DECLINED", "The approved payment does not match the purchase");
                    return false;
                }
                return true;
            }

            @Override
            public void complete(LedgerOutcome outcome) {
                credited(
                        cmd,
                        crediting
                                .complete(cmd.purchaseId(), cmd.paymentId(), outcome)
                                .id());
            }
        };
    }
}
