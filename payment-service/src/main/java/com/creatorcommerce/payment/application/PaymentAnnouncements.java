package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import com.creatorcommerce.payment.domain.PaymentOutcome;
import com.creatorcommerce.payment.domain.PaymentStatus;
import com.creatorcommerce.payment.domain.PaymentTombstone;
import com.creatorcommerce.payment.domain.RequestedPayment;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Replies (payment.replies, keyed by the requester's reference) and public events (payment.events, keyed by the
 * payment id) through the outbox, in the caller's transaction. Replies carry the correlation id of the command
 * stored with the payment, so that an outcome settled later by the reconciliation job still reaches its saga.
 */
@Component
public class PaymentAnnouncements {

    private final Outbox outbox;

    PaymentAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The reply (and, unless {@code replyOnly}, the event) of a settled payment. */
    public void outcome(Payment p, boolean replyOnly) {
        RequestedPayment r = p.requested();
        PaymentOutcome o = p.outcome();
        if (p.status() == PaymentStatus.FAILED) {
            PaymentFailed body = new PaymentFailed(
                    p.id(),
                    r.paymentKey(),
                    purpose(p),
                    r.referenceId(),
                    r.userId(),
                    r.amount(),
                    o.failure().code(),
                    o.failure().message(),
                    o.failure().at());
            send(p, PaymentTopics.FAILED, body, replyOnly);
        } else if (p.status() != PaymentStatus.PENDING) {
            PaymentApproved body = new PaymentApproved(
                    p.id(), r.paymentKey(), purpose(p), r.referenceId(), r.userId(), r.amount(), o.paidAt());
            send(p, PaymentTopics.APPROVED, body, replyOnly);
        }
    }

    /** A confirm refused before any payment was recorded: reply only. */
    public void refused(ConfirmPaymentCommand cmd, String code, String message, Instant now) {
        PaymentFailed body = new PaymentFailed(
                null,
                cmd.paymentKey(),
                cmd.purpose(),
                cmd.referenceId(),
                cmd.userId(),
                cmd.amount(),
                code,
                message,
                now);
        outbox.append(OutboundMessage.of(
                PaymentTopics.REPLIES, Long.toString(cmd.referenceId()), PaymentTopics.FAILED, body));
    }

    public void cancelled(Payment p, PaymentCancellation c, boolean replyOnly) {
        RequestedPayment r = p.requested();
        PaymentCancelled body = new PaymentCancelled(
                p.id(),
                r.paymentKey(),
                purpose(p),
                r.referenceId(),
                r.userId(),
                c.requested().requestId(),
                c.requested().amount(),
                p.cancellableAmount(),
                c.cancelledAt());
        if (c.requested().reply()) {
            outbox.append(reply(p, PaymentTopics.CANCELLED, body, c.requested().correlationId()));
        }
        if (!replyOnly) {
            outbox.append(event(p, PaymentTopics.CANCELLED, body));
        }
    }

    public void cancelFailed(Payment p, PaymentCancellation c) {
        if (c.requested().reply()) {
            outbox.append(reply(
                    p,
                    PaymentTopics.CANCEL_FAILED,
                    new PaymentCancelFailed(
                            p.id(),
                            p.requested().paymentKey(),
                            purpose(p),
                            p.requested().referenceId(),
                            c.requested().requestId(),
                            c.requested().amount(),
                            c.failureCode(),
                            c.failureMessage()),
                    c.requested().correlationId()));
        }
    }

    /**
     * A confirm answered FAILED because its payment key was cancelled first (the payment, when there is one, is not
     * necessarily FAILED itself: an approved payment fully cancelled since). Reply only.
     */
    public void refusedCancelled(Payment p, String message) {
        RequestedPayment r = p.requested();
        outbox.append(reply(
                p,
                PaymentTopics.FAILED,
                new PaymentFailed(
                        p.id(),
                        r.paymentKey(),
                        purpose(p),
                        r.referenceId(),
                        r.userId(),
                        r.amount(),
                        PaymentTombstone.CODE,
                        message,
                        p.updatedAt()),
                r.correlationId()));
    }

    /**
     * The answer to the cancel that left tombstone {@code t}: nothing is (or will be) held of the payment key, so
     * nothing was cancelled at the PG and nothing stays approved (amounts 0). {@code p} is the key's payment, null
     * when there is none (then the reply is keyed by the payment key and its payment id and reference are 0).
     */
    public void cancelledNothingHeld(Payment p, PaymentTombstone t, Instant now) {
        RequestedPayment r = p == null ? null : p.requested();
        PaymentCancelled body = new PaymentCancelled(
                p == null ? 0 : p.id(),
                t.paymentKey(),
                p == null ? null : purpose(p),
                r == null ? 0 : r.referenceId(),
                r == null ? 0 : r.userId(),
                t.cancelRequestId(),
                0,
                0,
                now);
        OutboundMessage m = OutboundMessage.of(
                        PaymentTopics.REPLIES,
                        r == null ? t.paymentKey() : Long.toString(r.referenceId()),
                        PaymentTopics.CANCELLED,
                        body)
                .withCorrelationId(t.correlationId());
        outbox.append(p == null ? m : m.withUserId(p.requested().userId()));
    }

    /** The cancel {@code cmd} refused before anything was recorded; {@code p} is null when no payment has the key. */
    public void cancelRefused(Payment p, CancelPaymentCommand cmd, String code, String message) {
        PaymentCancelFailed body = new PaymentCancelFailed(
                p == null ? null : p.id(),
                cmd.paymentKey(),
                p == null ? null : purpose(p),
                p == null ? null : p.requested().referenceId(),
                cmd.cancelRequestId(),
                cmd.cancelAmount(),
                code,
                message);
        String key = p == null ? cmd.paymentKey() : Long.toString(p.requested().referenceId());
        outbox.append(OutboundMessage.of(PaymentTopics.REPLIES, key, PaymentTopics.CANCEL_FAILED, body));
    }

    private static PaymentPurpose purpose(Payment p) {
        return Purposes.toContract(p.requested().purpose());
    }

    private void send(Payment p, String type, Object body, boolean replyOnly) {
        outbox.append(reply(p, type, body, p.requested().correlationId()));
        if (!replyOnly) {
            outbox.append(event(p, type, body));
        }
    }

    private static OutboundMessage reply(Payment p, String type, Object body, String correlationId) {
        return OutboundMessage.of(
                        PaymentTopics.REPLIES, Long.toString(p.requested().referenceId()), type, body)
                .withCorrelationId(correlationId)
                .withUserId(p.requested().userId());
    }

    private static OutboundMessage event(Payment p, String type, Object body) {
        return OutboundMessage.of(PaymentTopics.EVENTS, Long.toString(p.id()), type, body)
                .withCorrelationId(p.requested().correlationId())
                .withUserId(p.requested().userId());
    }
}
