package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.point.application.OrderStep.Reply;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.application.port.OrderClosures;
import com.creatorcommerce.point.application.port.PointHistory;
import com.creatorcommerce.point.application.port.Wallets;
import com.creatorcommerce.point.domain.PointBalance;
import com.creatorcommerce.point.domain.PointOrderClosure;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.RefundPlan;
import com.creatorcommerce.point.domain.TransactionType;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The REFUND of an order (point.commands): gives back exactly what the order used (its USE row), or answers amount 0
 * when it used nothing. A REFUND that finds no USE closes the order (a tombstone in {@code point_order_closures}),
 * so that a USE arriving after it (overtaken by the compensation, or redelivered) is refused instead of debiting a
 * cancelled order.
 */
@Component
class OrderPointRefunds {

    private final PointLedger ledger;
    private final PointHistory history;
    private final Wallets wallets;
    private final OrderClosures closures;
    private final OrderStep step;
    private final Clock clock;

    OrderPointRefunds(
            PointLedger ledger,
            PointHistory history,
            Wallets wallets,
            OrderClosures closures,
            OrderStep step,
            Clock clock) {
        this.ledger = ledger;
        this.history = history;
        this.wallets = wallets;
        this.closures = closures;
        this.step = step;
        this.clock = clock;
    }

    void refund(RefundPointsCommand cmd, InboundMessage message) {
        RefundPlan plan = RefundPlan.of(cmd.userId(), useOf(cmd.orderId()));
        if (plan instanceof RefundPlan.NotTheirs) {
            long balance = wallets.find(cmd.userId()).map(PointBalance::balance).orElse(0L);
            step.answerOnce(message, cmd.orderId(), nothingRefunded(cmd, balance));
            return;
        }
        if (plan instanceof RefundPlan.NothingUsed) {
            if (cmd.userId() <= 0) {
                step.answerOnce(message, cmd.orderId(), nothingRefunded(cmd, 0));
                return;
            }
            // decided under the wallet's row lock: a USE of this order being applied right now has either committed
            // (seen here, then refunded through the ledger below) or is applied after the closure and refused
            if (ledger.underWalletLock(cmd.userId(), balance -> closeUnused(cmd, message, balance))) {
                return;
            }
            plan = RefundPlan.of(cmd.userId(), useOf(cmd.orderId()));
            if (!(plan instanceof RefundPlan.GiveBack)) {
                throw new IllegalStateException("The USE of order " + cmd.orderId() + " vanished");
            }
        }
        long amount = ((RefundPlan.GiveBack) plan).amount();
        step.apply(
                cmd.orderId(),
                cmd.userId(),
                TransactionType.REFUND,
                amount,
                message,
                () -> null,
                outcome -> switch (outcome) {
                    case LedgerOutcome.Applied a -> refunded(cmd, amount, a.balanceAfter(), a.transactionId());
                    case LedgerOutcome.AlreadyApplied d ->
                        refunded(cmd, d.amount(), d.balanceAfter(), d.transactionId());
                    default -> throw new IllegalStateException("A refund cannot be refused: " + outcome);
                });
    }

    private Optional<PointTransaction> useOf(long orderId) {
        return history.findByIdempotencyKey(ReferenceType.ORDER.idempotencyKey(orderId, TransactionType.USE));
    }

    /**
     * Under the wallet lock: false when the order's USE exists after all (to be refunded through the ledger);
     * otherwise records the message, closes the order (once) and answers "nothing to refund".
     */
    private boolean closeUnused(RefundPointsCommand cmd, InboundMessage message, long balance) {
        if (useOf(cmd.orderId()).isPresent()) {
            return false;
        }
        if (!step.markHandled(message)) {
            return true;
        }
        try (MessageContext.Scope ignored = MessageContext.open(message)) {
            closures.close(
                    PointOrderClosure.refundedBeforeUse(cmd.orderId(), cmd.userId(), cmd.reason(), clock.instant()));
            step.answer(cmd.orderId(), nothingRefunded(cmd, balance));
        }
        return true;
    }

    private static Reply nothingRefunded(RefundPointsCommand cmd, long balance) {
        return new Reply(PointTopics.REFUNDED, new PointsRefunded(cmd.orderId(), cmd.userId(), 0, balance, null));
    }

    private static Reply refunded(RefundPointsCommand cmd, long amount, long balanceAfter, Long transactionId) {
        return new Reply(
                PointTopics.REFUNDED,
                new PointsRefunded(cmd.orderId(), cmd.userId(), amount, balanceAfter, transactionId));
    }
}
