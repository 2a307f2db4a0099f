package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.ledger.LedgerParticipant;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.application.ledger.WalletMeters;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What every order command of point.commands shares: one step of an order applied to the wallet through the ledger
 * (at most once per order and step, its idempotency key), and the answer on point.replies in the same transaction as
 * the command's inbox row.
 */
@Component
class OrderStep {

    /** An answer to the saga: its message type and body. */
    record Reply(String type, Object body) {}

    private final PointLedger ledger;
    private final HandleOnce once;
    private final Outbox outbox;
    private final WalletMeters meters;

    OrderStep(PointLedger ledger, HandleOnce once, Outbox outbox, WalletMeters meters) {
        this.ledger = ledger;
        this.once = once;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** Answers {@code reply} once for the message, in its own transaction, without touching the wallet. */
    void answerOnce(InboundMessage message, long orderId, Reply reply) {
        once.run(OrderPointsService.CONSUMER, message, () -> answer(orderId, reply));
    }

    /** Records the message in the current transaction; false when it was handled before. */
    boolean markHandled(InboundMessage message) {
        return once.mark(OrderPointsService.CONSUMER, message);
    }

    /**
     * Applies {@code amount} of {@code type} for the order through the ledger and answers what {@code replyTo} makes
     * of the outcome.
     *
     * @param refusal asked inside the ledger transaction (wallet locked, message recorded): a reply that refuses the
     *                entry before it is applied, or null to apply it
     */
    void apply(
            long orderId,
            long userId,
            TransactionType type,
            long amount,
            InboundMessage message,
            Supplier<Reply> refusal,
            Function<LedgerOutcome, Reply> replyTo) {
        ledger.apply(new LedgerEntry(
                userId,
                type,
                amount,
                ReferenceType.ORDER,
                orderId,
                new LedgerParticipant() {
                    @Override
                    public boolean admit() {
                        if (!markHandled(message)) {
                            return false;
                        }
                        Reply refused = refusal.get();
                        if (refused != null) {
                            answer(orderId, refused);
                            return false;
                        }
                        return true;
                    }

                    @Override
                    public void complete(LedgerOutcome outcome) {
                        answer(orderId, replyTo.apply(outcome));
                    }
                },
                message));
    }

    /** Answers the saga in the current transaction (a refusal is counted in {@code point.wallet.refusals}). */
    void answer(long orderId, Reply reply) {
        switch (reply.body()) {
            case PointsUseRejected refused -> meters.refused(refused.reason());
            case PointsChargeRejected refused -> meters.refused(refused.reason());
            default -> {}
        }
        outbox.append(OutboundMessage.of(PointTopics.REPLIES, Long.toString(orderId), reply.type(), reply.body()));
    }
}
