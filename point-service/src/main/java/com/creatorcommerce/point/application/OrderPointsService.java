package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointRejectionReason;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.point.adapter.out.persistence.PointBalances;
import com.creatorcommerce.point.adapter.out.persistence.PointTransactions;
import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.ledger.LedgerParticipant;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.domain.PointBalance;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * point-service as a participant of order sagas (point.commands): charge points bought with an approved payment,
 * use points for an order, refund what an order used. Each (order, step) changes the wallet at most once (the
 * ledger's idempotency key) and every command, new or repeated, is answered on point.replies in the same
 * transaction as its inbox row and its effect.
 */
@Service
public class OrderPointsService {

    public static final String CONSUMER = "point-service.commands";

    private final PointLedger ledger;
    private final PointTransactions transactions;
    private final PointBalances balances;
    private final HandleOnce once;
    private final Outbox outbox;

    OrderPointsService(PointLedger ledger, PointTransactions transactions, PointBalances balances, HandleOnce once,
            Outbox outbox) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.balances = balances;
        this.once = once;
        this.outbox = outbox;
    }

    public void charge(ChargePointsCommand cmd, InboundMessage message) {
        if (cmd.amount() <= 0 || cmd.userId() <= 0) {
            once.run(CONSUMER, message, () -> reply(cmd.orderId(), PointTopics.CHARGE_REJECTED,
                    new PointsChargeRejected(cmd.orderId(), cmd.userId(), cmd.amount(),
                            PointRejectionReason.INVALID_COMMAND, "amount and user_id must be positive")));
            return;
        }
        apply(cmd.orderId(), cmd.userId(), TransactionType.CHARGE, cmd.amount(), message, outcome -> switch (outcome) {
            case LedgerOutcome.Applied a -> new Reply(PointTopics.CHARGED, new PointsCharged(cmd.orderId(),
                    cmd.userId(), cmd.amount(), a.balanceAfter(), a.transactionId()));
            case LedgerOutcome.AlreadyApplied d when d.userId() == cmd.userId() && d.amount() == cmd.amount() ->
                    new Reply(PointTopics.CHARGED, new PointsCharged(cmd.orderId(), cmd.userId(), cmd.amount(),
                            d.balanceAfter(), d.transactionId()));
            default -> new Reply(PointTopics.CHARGE_REJECTED, new PointsChargeRejected(cmd.orderId(), cmd.userId(),
                    cmd.amount(), PointRejectionReason.CONFLICTING_COMMAND,
                    "The order's charge was already done with other data"));
        });
    }

    public void use(UsePointsCommand cmd, InboundMessage message) {
        if (cmd.amount() <= 0 || cmd.userId() <= 0) {
            once.run(CONSUMER, message, () -> reply(cmd.orderId(), PointTopics.USE_REJECTED,
                    new PointsUseRejected(cmd.orderId(), cmd.userId(), cmd.amount(), 0,
                            PointRejectionReason.INVALID_COMMAND, "amount and user_id must be positive")));
            return;
        }
        apply(cmd.orderId(), cmd.userId(), TransactionType.USE, cmd.amount(), message, outcome -> switch (outcome) {
            case LedgerOutcome.Applied a -> new Reply(PointTopics.USED, new PointsUsed(cmd.orderId(), cmd.userId(),
                    cmd.amount(), a.balanceAfter(), a.transactionId()));
            case LedgerOutcome.AlreadyApplied d when d.userId() == cmd.userId() && -d.amount() == cmd.amount() ->
                    new Reply(PointTopics.USED, new PointsUsed(cmd.orderId(), cmd.userId(), cmd.amount(),
                            d.balanceAfter(), d.transactionId()));
            case LedgerOutcome.Insufficient i -> new Reply(PointTopics.USE_REJECTED, new PointsUseRejected(
                    cmd.orderId(), cmd.userId(), cmd.amount(), i.balance(), PointRejectionReason.INSUFFICIENT_POINTS,
                    "The balance is " + i.balance() + ", " + cmd.amount() + " needed"));
            default -> new Reply(PointTopics.USE_REJECTED, new PointsUseRejected(cmd.orderId(), cmd.userId(),
                    cmd.amount(), 0, PointRejectionReason.CONFLICTING_COMMAND,
                    "The order already used points with other data"));
        });
    }

    /** Gives back exactly what the order used (its USE row); answers amount 0 when it used nothing. */
    public void refund(RefundPointsCommand cmd, InboundMessage message) {
        Optional<PointTransaction> used = transactions.findByIdempotencyKey(
                ReferenceType.ORDER.idempotencyKey(cmd.orderId(), TransactionType.USE));
        if (used.isEmpty() || used.get().userId() != cmd.userId()) {
            once.run(CONSUMER, message, () -> reply(cmd.orderId(), PointTopics.REFUNDED, new PointsRefunded(
                    cmd.orderId(), cmd.userId(), 0, balances.findById(cmd.userId()).map(PointBalance::balance)
                    .orElse(0L), null)));
            return;
        }
        long amount = -used.get().amount();
        apply(cmd.orderId(), cmd.userId(), TransactionType.REFUND, amount, message, outcome -> switch (outcome) {
            case LedgerOutcome.Applied a -> new Reply(PointTopics.REFUNDED, new PointsRefunded(cmd.orderId(),
                    cmd.userId(), amount, a.balanceAfter(), a.transactionId()));
            case LedgerOutcome.AlreadyApplied d -> new Reply(PointTopics.REFUNDED, new PointsRefunded(cmd.orderId(),
                    cmd.userId(), d.amount(), d.balanceAfter(), d.transactionId()));
            default -> throw new IllegalStateException("A refund cannot be refused: " + outcome);
        });
    }

    private record Reply(String type, Object body) {
    }

    private void apply(long orderId, long userId, TransactionType type, long amount, InboundMessage message,
            Function<LedgerOutcome, Reply> replyTo) {
        ledger.apply(new LedgerEntry(userId, type, amount, ReferenceType.ORDER, orderId, new LedgerParticipant() {
            @Override
            public boolean admit() {
                return once.mark(CONSUMER, message);
            }

            @Override
            public void complete(LedgerOutcome outcome) {
                Reply r = replyTo.apply(outcome);
                reply(orderId, r.type(), r.body());
            }
        }, message));
    }

    private void reply(long orderId, String type, Object body) {
        outbox.append(OutboundMessage.of(PointTopics.REPLIES, Long.toString(orderId), type, body));
    }
}
