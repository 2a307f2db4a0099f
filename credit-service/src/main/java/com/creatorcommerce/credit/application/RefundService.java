package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.ledger.LedgerParticipant;
import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.application.port.Refunds;
import com.creatorcommerce.credit.domain.CreditLot;
import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.NewLot;
import com.creatorcommerce.credit.domain.RefundLog;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.credit.domain.WalletChange;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Refunds of a purchased lot's unspent credits (seed 001, stage 4). Under the wallet's row lock (one ledger
 * transaction) the lot's whole {@code remaining} leaves the wallet ({@code refund} history row taken from that lot
 * only), the {@code refund_logs} row is written and payment-service is asked for a partial PG cancel of the lot's
 * price per credit x credits, rounded down to the minor unit. A donation racing it is applied before or after it,
 * never on the same credits: the ledger refuses a refund whose lot no longer holds what was read, and it is re-read.
 * The history key {@code refund:<lot>} refunds a lot at most once. payment-service's answer: {@link LotRefundReplies}.
 */
@Service
public class RefundService {

    private static final int ATTEMPTS = 3;

    private final CreditLedger ledger;
    private final Refunds refunds;
    private final CreditPurchases purchases;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final Clock clock;

    RefundService(
            CreditLedger ledger,
            Refunds refunds,
            CreditPurchases purchases,
            IdGenerator ids,
            Outbox outbox,
            Clock clock) {
        this.ledger = ledger;
        this.refunds = refunds;
        this.purchases = purchases;
        this.ids = ids;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Refunds the unspent credits of lot {@code lotId} of {@code userId}.
     *
     * @throws CreditRefusedException {@code TOPUP_NOT_FOUND}, {@code TOPUP_NOT_REFUNDABLE},
     *                                {@code REFUND_PERIOD_EXPIRED}, {@code ALREADY_REFUNDED}, {@code NOTHING_TO_REFUND}
     */
    public RefundLog refund(long userId, long lotId) {
        for (int attempt = 1; ; attempt++) {
            CreditLot lot = refundable(userId, lotId);
            long purchaseId = refunds.purchaseOf(lotId).orElseThrow();
            CreditPurchase purchase = purchases.find(purchaseId).orElseThrow();
            long credits = lot.remaining();
            long refundId = ids.nextId();
            BigDecimal amount = lot.refundAmount(credits);
            long minor = amount.movePointRight(
                            Math.max(0, lot.price().currency().getDefaultFractionDigits()))
                    .longValueExact();
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("refund_id", Long.toString(refundId));
            extra.put("topup_id", Long.toString(lotId));
            extra.put("purchase_id", Long.toString(purchaseId));
            extra.put("amount", amount.toPlainString());
            extra.put("currency", lot.price().currencyCode());
            WalletChange change = new WalletChange(
                            userId,
                            TransactionType.REFUND,
                            credits,
                            "Refund of " + credits + " unspent credits of " + purchase.packageName(),
                            extra,
                            Long.toString(refundId),
                            "refund:" + lotId)
                    .fromLot(lotId);
            RefundLog[] made = new RefundLog[1];
            LedgerOutcome outcome = ledger.apply(new LedgerEntry(
                    change,
                    new LedgerParticipant() {
                        @Override
                        public void complete(LedgerOutcome o) {
                            if (o instanceof LedgerOutcome.Applied a) {
                                made[0] = request(
                                        refundId,
                                        lot,
                                        purchase,
                                        credits,
                                        amount,
                                        minor,
                                        a.entry().id());
                            }
                        }
                    },
                    null));
            switch (outcome) {
                case LedgerOutcome.Applied a -> {
                    return made[0];
                }
                case LedgerOutcome.AlreadyApplied done ->
                    throw new CreditRefusedException(
                            CreditRefusal.ALREADY_REFUNDED, "This top-up was refunded before.");
                case LedgerOutcome.Insufficient i -> {
                    if (attempt >= ATTEMPTS) {
                        throw new CreditRefusedException(
                                CreditRefusal.CREDIT_WALLET_BUSY,
                                "The top-up is being spent right now; nothing was refunded. Please retry.");
                    }
                    // spent meanwhile (a donation got there first): read it again
                }
                case LedgerOutcome.NotAdmitted n -> throw new IllegalStateException("A refund is always admitted");
            }
        }
    }

    private CreditLot refundable(long userId, long lotId) {
        CreditLot lot = refunds.lot(lotId)
                .filter(l -> l.userId() == userId)
                .orElseThrow(() ->
                        new CreditRefusedException(CreditRefusal.TOPUP_NOT_FOUND, "No top-up " + lotId + " of yours."));
        if (lot.status() == CreditLot.Status.REFUNDED
                || refunds.findByLot(lotId).isPresent()) {
            throw new CreditRefusedException(CreditRefusal.ALREADY_REFUNDED, "This top-up was refunded before.");
        }
        if (!NewLot.PURCHASE.equals(lot.source()) || lot.price() == null) {
            throw new CreditRefusedException(
                    CreditRefusal.TOPUP_NOT_REFUNDABLE,
                    "Only purchased credits can be refunded; these were not bought.");
        }
        if (!lot.refundableAt(clock.instant())) {
            throw new CreditRefusedException(
                    CreditRefusal.REFUND_PERIOD_EXPIRED,
                    "This top-up could be refunded until " + lot.refundableUntil() + ".",
                    Map.of("refundable_until", lot.refundableUntil().toString()));
        }
        if (lot.remaining() == 0) {
            throw new CreditRefusedException(
                    CreditRefusal.NOTHING_TO_REFUND, "Every credit of this top-up was spent: nothing to refund.");
        }
        return lot;
    }

    /** In the ledger transaction: the refund row and the partial cancel command (none for an amount of 0). */
    private RefundLog request(
            long refundId,
            CreditLot lot,
            CreditPurchase purchase,
            long credits,
            BigDecimal amount,
            long minor,
            long historyId) {
        Instant now = clock.instant();
        boolean nothingToPay = minor == 0;
        RefundLog r = new RefundLog(
                refundId,
                lot.userId(),
                lot.id(),
                purchase.id(),
                purchase.paymentKey(),
                credits,
                amount,
                lot.price().currencyCode(),
                minor,
                historyId,
                RefundLog.cancelRequestId(refundId),
                "Unspent credits refunded",
                nothingToPay ? RefundLog.Status.COMPLETED : RefundLog.Status.REQUESTED,
                null,
                null,
                null,
                now,
                nothingToPay ? now : null);
        refunds.add(r);
        if (!nothingToPay) {
            outbox.append(OutboundMessage.of(
                            PaymentTopics.COMMANDS,
                            purchase.paymentKey(),
                            PaymentTopics.CANCEL,
                            new CancelPaymentCommand(
                                    purchase.paymentKey(),
                                    r.cancelRequestId(),
                                    minor,
                                    "Refund of " + credits + " unspent credits"))
                    .withUserId(lot.userId()));
        }
        return r;
    }
}
