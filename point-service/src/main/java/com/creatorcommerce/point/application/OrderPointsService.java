package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointRejectionReason;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsRefunded;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.ledger.LedgerParticipant;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.application.ledger.WalletMeters;
import com.creatorcommerce.point.application.port.CancelledPayments;
import com.creatorcommerce.point.application.port.OrderClosures;
import com.creatorcommerce.point.application.port.PointHistory;
import com.creatorcommerce.point.application.port.Wallets;
import com.creatorcommerce.point.domain.CancelledPayment;
import com.creatorcommerce.point.domain.PointBalance;
import com.creatorcommerce.point.domain.PointOrderClosure;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.RefundPlan;
import com.creatorcommerce.point.domain.TransactionType;
import com.creatorcommerce.point.domain.WalletChange;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * point-service as a participant of order sagas (point.commands): charge points bought with an approved payment,
 * use points for an order, refund what an order used. Each (order, step) changes the wallet at most once (the
 * ledger's idempotency key) and every command, new or repeated, is answered on point.replies in the same
 * transaction as its inbox row and its effect. A REFUND that overtakes its order's USE closes the order, and the late
 * USE is refused ({@code point.use-rejected.v1}, nothing debited). A CHARGE paid by a payment reported cancelled
 * ({@link OrderPaymentCancellations}) is refused ({@code point.charge-rejected.v1}, nothing credited).
 */
@Service
public class OrderPointsService {

    public static final String CONSUMER = "point-service.commands";

    private final PointLedger ledger;
    private final PointHistory history;
    private final Wallets wallets;
    private final OrderClosures closures;
    private final CancelledPayments cancelledPayments;
    private final HandleOnce once;
    private final Outbox outbox;
    private final WalletMeters meters;
    private final Clock clock;

    OrderPointsService(
            PointLedger ledger,
            PointHistory history,
            Wallets wallets,
            OrderClosures closures,
            CancelledPayments cancelledPayments,
            HandleOnce once,
            Outbox outbox,
            WalletMeters meters,
            Clock clock) {
        this.ledger = ledger;
        this.history = history;
        this.wallets = wallets;
        this.closures = closures;
        this.cancelledPayments = cancelledPayments;
        this.once = once;
        this.outbox = outbox;
        this.meters = meters;
        this.clock = clock;
    }

    public void charge(ChargePointsCommand cmd, InboundMessage message) {
        if (!WalletChange.acceptable(cmd.userId(), cmd.amount())) {
            once.run(
                    CONSUMER,
                    message,
                    () -> reply(
                            cmd.orderId(),
                            PointTopics.CHARGE_REJECTED,
                            new PointsChargeRejected(
                                    cmd.orderId(),
                                    cmd.userId(),
                                    cmd.amount(),
                                    PointRejectionReason.INVALID_COMMAND,
                                    "amount and user_id must be positive")));
            return;
        }
        apply(
                cmd.orderId(),
                cmd.userId(),
                TransactionType.CHARGE,
                cmd.amount(),
                message,
                () -> cancelledRefusal(cmd),
                outcome -> switch (outcome) {
                    case LedgerOutcome.Applied a ->
                        new Reply(
                                PointTopics.CHARGED,
                                new PointsCharged(
                                        cmd.orderId(),
                                        cmd.userId(),
                                        cmd.amount(),
                                        a.balanceAfter(),
                                        a.transactionId()));
                    case LedgerOutcome.AlreadyApplied d
                    when d.isSameChange(cmd.userId(), TransactionType.CHARGE, cmd.amount()) ->
                        new Reply(
                                PointTopics.CHARGED,
                                new PointsCharged(
                                        cmd.orderId(),
                                        cmd.userId(),
                                        cmd.amount(),
                                        d.balanceAfter(),
                                        d.transactionId()));
                    default ->
                        new Reply(
                                PointTopics.CHARGE_REJECTED,
                                new PointsChargeRejected(
                                        cmd.orderId(),
                                        cmd.userId(),
                                        cmd.amount(),
                                        PointRejectionReason.CONFLICTING_COMMAND,
                                        "The order's charge was already done with other data"));
                });
    }

    public void use(UsePointsCommand cmd, InboundMessage message) {
        if (!WalletChange.acceptable(cmd.userId(), cmd.amount())) {
            once.run(
                    CONSUMER,
                    message,
                    () -> reply(
                            cmd.orderId(),
                            PointTopics.USE_REJECTED,
                            new PointsUseRejected(
                                    cmd.orderId(),
                                    cmd.userId(),
                                    cmd.amount(),
                                    0,
                                    PointRejectionReason.INVALID_COMMAND,
                                    "amount and user_id must be positive")));
            return;
        }
        apply(
                cmd.orderId(),
                cmd.userId(),
                TransactionType.USE,
                cmd.amount(),
                message,
                () -> closedRefusal(cmd),
                outcome -> switch (outcome) {
                    case LedgerOutcome.Applied a ->
                        new Reply(
                                PointTopics.USED,
                                new PointsUsed(
                                        cmd.orderId(),
                                        cmd.userId(),
                                        cmd.amount(),
                                        a.balanceAfter(),
                                        a.transactionId()));
                    case LedgerOutcome.AlreadyApplied d
                    when d.isSameChange(cmd.userId(), TransactionType.USE, cmd.amount()) ->
                        new Reply(
                                PointTopics.USED,
                                new PointsUsed(
                                        cmd.orderId(),
                                        cmd.userId(),
                                        cmd.amount(),
                                        d.balanceAfter(),
                                        d.transactionId()));
                    case LedgerOutcome.Insufficient i ->
                        new Reply(
                                PointTopics.USE_REJECTED,
                                new PointsUseRejected(
                                        cmd.orderId(),
                                        cmd.userId(),
                                        cmd.amount(),
                                        i.balance(),
                                        PointRejectionReason.INSUFFICIENT_POINTS,
                                        "The balance is " + i.balance() + ", " + cmd.amount() + " needed"));
                    default ->
                        new Reply(
                                PointTopics.USE_REJECTED,
                                new PointsUseRejected(
                                        cmd.orderId(),
                                        cmd.userId(),
                                        cmd.amount(),
                                        0,
                                        PointRejectionReason.CONFLICTING_COMMAND,
                                        "The order already used points with other data"));
                });
    }

    /**
     * Gives back exactly what the order used (its USE row); answers amount 0 when it used nothing. A REFUND that finds
     * no USE closes the order (a tombstone in {@code point_order_closures}), so that a USE arriving after it (overtaken
     * by the compensation, or redelivered) is refused instead of debiting a cancelled order.
     */
    public void refund(RefundPointsCommand cmd, InboundMessage message) {
        RefundPlan plan = RefundPlan.of(cmd.userId(), useOf(cmd.orderId()));
        if (plan instanceof RefundPlan.NotTheirs) {
            once.run(
                    CONSUMER,
                    message,
                    () -> reply(
                            cmd.orderId(),
                            PointTopics.REFUNDED,
                            new PointsRefunded(
                                    cmd.orderId(),
                                    cmd.userId(),
                                    0,
                                    wallets.find(cmd.userId())
                                            .map(PointBalance::balance)
                                            .orElse(0L),
                                    null)));
            return;
        }
        if (plan instanceof RefundPlan.NothingUsed) {
            if (cmd.userId() <= 0) {
                once.run(
                        CONSUMER,
                        message,
                        () -> reply(
                                cmd.orderId(),
                                PointTopics.REFUNDED,
                                new PointsRefunded(cmd.orderId(), cmd.userId(), 0, 0, null)));
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
        apply(
                cmd.orderId(),
                cmd.userId(),
                TransactionType.REFUND,
                amount,
                message,
                () -> null,
                outcome -> switch (outcome) {
                    case LedgerOutcome.Applied a ->
                        new Reply(
                                PointTopics.REFUNDED,
                                new PointsRefunded(
                                        cmd.orderId(), cmd.userId(), amount, a.balanceAfter(), a.transactionId()));
                    case LedgerOutcome.AlreadyApplied d ->
                        new Reply(
                                PointTopics.REFUNDED,
                                new PointsRefunded(
                                        cmd.orderId(), cmd.userId(), d.amount(), d.balanceAfter(), d.transactionId()));
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
        if (!once.mark(CONSUMER, message)) {
            return true;
        }
        try (MessageContext.Scope ignored = MessageContext.open(message)) {
            closures.close(
                    PointOrderClosure.refundedBeforeUse(cmd.orderId(), cmd.userId(), cmd.reason(), clock.instant()));
            reply(
                    cmd.orderId(),
                    PointTopics.REFUNDED,
                    new PointsRefunded(cmd.orderId(), cmd.userId(), 0, balance, null));
        }
        return true;
    }

    /**
     * The refusal of a CHARGE paid by a payment that was cancelled meanwhile (the saga compensated while the CHARGE
     * was on its way); null when it is not. Asked under the wallet lock, as the cancel is recorded.
     */
    private Reply cancelledRefusal(ChargePointsCommand cmd) {
        if (cmd.paymentId() == null
                || !cancelledPayments.isCancelled(cmd.paymentId())
                || history.findByIdempotencyKey(
                                ReferenceType.ORDER.idempotencyKey(cmd.orderId(), TransactionType.CHARGE))
                        .isPresent()) {
            return null; // not cancelled, or credited before the cancel (a repeat is answered as it was)
        }
        return new Reply(
                PointTopics.CHARGE_REJECTED,
                new PointsChargeRejected(
                        cmd.orderId(),
                        cmd.userId(),
                        cmd.amount(),
                        PointRejectionReason.CONFLICTING_COMMAND,
                        CancelledPayment.chargeRefusal(cmd.paymentId())));
    }

    /** The refusal of a USE of an order closed by an earlier REFUND; null when the order is not closed. */
    private Reply closedRefusal(UsePointsCommand cmd) {
        if (!closures.isClosed(cmd.orderId())) {
            return null;
        }
        return new Reply(
                PointTopics.USE_REJECTED,
                new PointsUseRejected(
                        cmd.orderId(),
                        cmd.userId(),
                        cmd.amount(),
                        0,
                        PointRejectionReason.CONFLICTING_COMMAND,
                        PointOrderClosure.useRefusal(cmd.orderId())));
    }

    private record Reply(String type, Object body) {}

    /**
     * @param refusal asked inside the ledger transaction (wallet locked, message recorded): a reply that refuses the
     *                entry before it is applied, or null to apply it
     */
    private void apply(
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
                        if (!once.mark(CONSUMER, message)) {
                            return false;
                        }
                        Reply refused = refusal.get();
                        if (refused != null) {
                            reply(orderId, refused.type(), refused.body());
                            return false;
                        }
                        return true;
                    }

                    @Override
                    public void complete(LedgerOutcome outcome) {
                        Reply r = replyTo.apply(outcome);
                        reply(orderId, r.type(), r.body());
                    }
                },
                message));
    }

    /** Answers the saga (a refusal is counted in {@code point.wallet.refusals}). */
    private void reply(long orderId, String type, Object body) {
        switch (body) {
            case PointsUseRejected refused -> meters.refused(refused.reason());
            case PointsChargeRejected refused -> meters.refused(refused.reason());
            default -> {}
        }
        outbox.append(OutboundMessage.of(PointTopics.REPLIES, Long.toString(orderId), type, body));
    }
}
