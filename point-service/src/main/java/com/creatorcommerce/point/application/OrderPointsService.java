package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.point.ChargePointsCommand;
import com.creatorcommerce.contracts.point.PointRejectionReason;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.contracts.point.PointsChargeRejected;
import com.creatorcommerce.contracts.point.PointsCharged;
import com.creatorcommerce.contracts.point.PointsUseRejected;
import com.creatorcommerce.contracts.point.PointsUsed;
import com.creatorcommerce.contracts.point.RefundPointsCommand;
import com.creatorcommerce.contracts.point.UsePointsCommand;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.point.application.OrderStep.Reply;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.port.CancelledPayments;
import com.creatorcommerce.point.application.port.OrderClosures;
import com.creatorcommerce.point.application.port.PointHistory;
import com.creatorcommerce.point.domain.CancelledPayment;
import com.creatorcommerce.point.domain.PointOrderClosure;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import com.creatorcommerce.point.domain.WalletChange;
import org.springframework.stereotype.Service;

/**
 * point-service as a participant of order sagas (point.commands): charge points bought with an approved payment,
 * use points for an order, refund what an order used ({@link OrderPointRefunds}). Each (order, step) changes the
 * wallet at most once (the ledger's idempotency key) and every command, new or repeated, is answered on
 * point.replies in the same transaction as its inbox row and its effect ({@link OrderStep}). A REFUND that overtakes
 * its order's USE closes the order, and the late USE is refused ({@code point.use-rejected.v1}, nothing debited). A
 * CHARGE paid by a payment reported cancelled ({@link OrderPaymentCancellations}) is refused
 * ({@code point.charge-rejected.v1}, nothing credited).
 */
@Service
public class OrderPointsService {

    public static final String CONSUMER = "point-service.commands";

    private static final String INVALID = "amount and user_id must be positive";

    private final OrderStep step;
    private final OrderPointRefunds refunds;
    private final PointHistory history;
    private final OrderClosures closures;
    private final CancelledPayments cancelledPayments;

    OrderPointsService(
            OrderStep step,
            OrderPointRefunds refunds,
            PointHistory history,
            OrderClosures closures,
            CancelledPayments cancelledPayments) {
        this.step = step;
        this.refunds = refunds;
        this.history = history;
        this.closures = closures;
        this.cancelledPayments = cancelledPayments;
    }

    public void charge(ChargePointsCommand cmd, InboundMessage message) {
        if (!WalletChange.acceptable(cmd.userId(), cmd.amount())) {
            step.answerOnce(message, cmd.orderId(), chargeRefused(cmd, PointRejectionReason.INVALID_COMMAND, INVALID));
            return;
        }
        step.apply(
                cmd.orderId(),
                cmd.userId(),
                TransactionType.CHARGE,
                cmd.amount(),
                message,
                () -> cancelledRefusal(cmd),
                outcome -> switch (outcome) {
                    case LedgerOutcome.Applied a -> charged(cmd, a.balanceAfter(), a.transactionId());
                    case LedgerOutcome.AlreadyApplied d
                    when d.isSameChange(cmd.userId(), TransactionType.CHARGE, cmd.amount()) ->
                        charged(cmd, d.balanceAfter(), d.transactionId());
                    default ->
                        chargeRefused(
                                cmd,
                                PointRejectionReason.CONFLICTING_COMMAND,
                                "The order's charge was already done with other data");
                });
    }

    public void use(UsePointsCommand cmd, InboundMessage message) {
        if (!WalletChange.acceptable(cmd.userId(), cmd.amount())) {
            step.answerOnce(message, cmd.orderId(), useRefused(cmd, 0, PointRejectionReason.INVALID_COMMAND, INVALID));
            return;
        }
        step.apply(
                cmd.orderId(),
                cmd.userId(),
                TransactionType.USE,
                cmd.amount(),
                message,
                () -> closedRefusal(cmd),
                outcome -> switch (outcome) {
                    case LedgerOutcome.Applied a -> used(cmd, a.balanceAfter(), a.transactionId());
                    case LedgerOutcome.AlreadyApplied d
                    when d.isSameChange(cmd.userId(), TransactionType.USE, cmd.amount()) ->
                        used(cmd, d.balanceAfter(), d.transactionId());
                    case LedgerOutcome.Insufficient i ->
                        useRefused(
                                cmd,
                                i.balance(),
                                PointRejectionReason.INSUFFICIENT_POINTS,
                                "The balance is " + i.balance() + ", " + cmd.amount() + " needed");
                    default ->
                        useRefused(
                                cmd,
                                0,
                                PointRejectionReason.CONFLICTING_COMMAND,
                                "The order already used points with other data");
                });
    }

    /** See {@link OrderPointRefunds}. */
    public void refund(RefundPointsCommand cmd, InboundMessage message) {
        refunds.refund(cmd, message);
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
        return chargeRefused(
                cmd, PointRejectionReason.CONFLICTING_COMMAND, CancelledPayment.chargeRefusal(cmd.paymentId()));
    }

    /** The refusal of a USE of an order closed by an earlier REFUND; null when the order is not closed. */
    private Reply closedRefusal(UsePointsCommand cmd) {
        if (!closures.isClosed(cmd.orderId())) {
            return null;
        }
        return useRefused(
                cmd, 0, PointRejectionReason.CONFLICTING_COMMAND, PointOrderClosure.useRefusal(cmd.orderId()));
    }

    private static Reply charged(ChargePointsCommand cmd, long balanceAfter, long transactionId) {
        return new Reply(
                PointTopics.CHARGED,
                new PointsCharged(cmd.orderId(), cmd.userId(), cmd.amount(), balanceAfter, transactionId));
    }

    private static Reply chargeRefused(ChargePointsCommand cmd, PointRejectionReason reason, String detail) {
        return new Reply(
                PointTopics.CHARGE_REJECTED,
                new PointsChargeRejected(cmd.orderId(), cmd.userId(), cmd.amount(), reason, detail));
    }

    private static Reply used(UsePointsCommand cmd, long balanceAfter, long transactionId) {
        return new Reply(
                PointTopics.USED,
                new PointsUsed(cmd.orderId(), cmd.userId(), cmd.amount(), balanceAfter, transactionId));
    }

    private static Reply useRefused(UsePointsCommand cmd, long balance, PointRejectionReason reason, String detail) {
        return new Reply(
                PointTopics.USE_REJECTED,
                new PointsUseRejected(cmd.orderId(), cmd.userId(), cmd.amount(), balance, reason, detail));
    }
}
