package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentCancelFailed;
import com.creatorcommerce.contracts.payment.PaymentCancelled;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointChargeCompleted;
import com.creatorcommerce.contracts.point.PointChargeFailed;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.ledger.LedgerParticipant;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.application.port.ChargeRequests;
import com.creatorcommerce.point.domain.ChargeStatus;
import com.creatorcommerce.point.domain.PointChargeRequest;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The outcome of a charge request's payment (payment.replies, purpose POINT_CHARGE). An approval credits the wallet
 * and completes the request in ONE transaction (with the reply's inbox row); a failure marks the request FAILED.
 * An approval that does not match the request (amount, user, key), or that arrives for a request already failed, is
 * not credited: the payment is cancelled at the PG instead, and the answer to that cancel (payment.cancelled /
 * payment.cancel-failed) is recorded on the request: a refund the PG refused leaves the customer charged without
 * points, so it is marked REFUND_FAILED with the reason, logged as an error and counted
 * ({@code point.charge.refund.failed}) for ops.
 */
@Service
public class ChargeSettlement {

    public static final String CONSUMER = "point-service.payment-replies";
    private static final Logger log = LoggerFactory.getLogger(ChargeSettlement.class);
    /** {@code cancel_request_id} of the cancels this service asks for: one per charge request. */
    private static final Pattern REFUND_REQUEST = Pattern.compile("point-charge-(\\d+)-not-credited");

    private final ChargeRequests requests;
    private final PointLedger ledger;
    private final HandleOnce once;
    private final Outbox outbox;
    private final Clock clock;
    private final Counter refundsFailed;

    ChargeSettlement(
            ChargeRequests requests,
            PointLedger ledger,
            HandleOnce once,
            Outbox outbox,
            Clock clock,
            MeterRegistry meters) {
        this.requests = requests;
        this.ledger = ledger;
        this.once = once;
        this.outbox = outbox;
        this.clock = clock;
        this.refundsFailed = Counter.builder("point.charge.refund.failed")
                .description("Payments approved but not credited whose cancel at the PG was refused")
                .register(meters);
    }

    static String refundRequestId(long chargeRequestId) {
        return "point-charge-" + chargeRequestId + "-not-credited";
    }

    /** The charge request of a cancel this service asked for; empty for anybody else's cancel. */
    static OptionalLong refundedRequest(String cancelRequestId) {
        Matcher m = cancelRequestId == null ? null : REFUND_REQUEST.matcher(cancelRequestId);
        return m != null && m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** payment.cancelled.v1 of a cancel this service asked for: the payment that was not credited is given back. */
    public void refunded(PaymentCancelled c, InboundMessage message) {
        OptionalLong requestId = refundedRequest(c.cancelRequestId());
        if (requestId.isEmpty()) {
            return;
        }
        once.run(CONSUMER, message, () -> {
            Optional<PointChargeRequest> locked = requests.lock(requestId.getAsLong());
            if (locked.isEmpty()) {
                log.info(
                        "Payment {} ({}) given back for unknown charge request {}",
                        c.paymentId(),
                        c.paymentKey(),
                        requestId.getAsLong());
                return;
            }
            if (locked.get().refunded(c.cancelAmount(), clock.instant())) {
                log.info(
                        "Payment {} ({}) of charge request {} was not credited and is given back ({})",
                        c.paymentId(),
                        c.paymentKey(),
                        requestId.getAsLong(),
                        c.cancelAmount());
            }
        });
    }

    /**
     * payment.cancel-failed.v1 of a cancel this service asked for: the customer paid, was not credited and did not get
     * the money back. Marked REFUND_FAILED on the request, logged as an error and counted, once per message.
     */
    public void refundFailed(PaymentCancelFailed f, InboundMessage message) {
        OptionalLong requestId = refundedRequest(f.cancelRequestId());
        if (requestId.isEmpty()) {
            return;
        }
        boolean handled = once.run(CONSUMER, message, () -> {
            Optional<PointChargeRequest> locked = requests.lock(requestId.getAsLong());
            log.error(
                    "REFUND FAILED: payment {} ({}) of charge request {} was approved but not credited, and its "
                            + "cancel was refused: {} {}. The customer paid without getting points; ops must refund it.",
                    f.paymentId(),
                    f.paymentKey(),
                    requestId.getAsLong(),
                    f.failureCode(),
                    f.failureMessage());
            locked.ifPresent(r -> r.refundFailed(f.failureCode(), f.failureMessage(), clock.instant()));
        });
        if (handled) {
            refundsFailed.increment();
        }
    }

    /** Called outside a transaction for each payment.approved.v1 of purpose POINT_CHARGE. */
    public void approved(PaymentApproved a, InboundMessage message) {
        Optional<PointChargeRequest> found = requests.find(a.referenceId());
        if (found.isEmpty()) {
            log.error(
                    "Payment {} approved for unknown charge request {}: cancelling it", a.paymentId(), a.referenceId());
            once.run(CONSUMER, message, () -> cancelPayment(a, "no such charge request"));
            return;
        }
        PointChargeRequest r = found.get();
        if (!r.matchesPayment(a.userId(), a.amount(), a.paymentKey())) {
            inboxFail(
                    message,
                    r.id(),
                    a,
                    "PAYMENT_MISMATCH",
                    "The approved payment (user " + a.userId() + ", amount " + a.amount()
                            + ") does not match the charge request");
            return;
        }
        ledger.apply(new LedgerEntry(
                r.userId(),
                TransactionType.CHARGE,
                r.amount(),
                ReferenceType.CHARGE_REQUEST,
                r.id(),
                new LedgerParticipant() {
                    @Override
                    public boolean admit() {
                        if (!once.mark(CONSUMER, message)) {
                            return false;
                        }
                        PointChargeRequest locked = requests.lock(r.id()).orElseThrow();
                        if (locked.status() == ChargeStatus.FAILED) {
                            // paid after we gave up on it: give the money back rather than credit a failed request
                            cancelPayment(a, "charge request " + r.id() + " had failed");
                            locked.refundRequested(clock.instant());
                        }
                        return locked.status() == ChargeStatus.PENDING;
                    }

                    @Override
                    public void complete(LedgerOutcome outcome) {
                        if (outcome instanceof LedgerOutcome.Applied applied) {
                            PointChargeRequest locked = requests.lock(r.id()).orElseThrow();
                            Instant now = clock.instant();
                            locked.complete(a.paymentId(), applied.transactionId(), now);
                            outbox.append(OutboundMessage.of(
                                            PointTopics.EVENTS,
                                            Long.toString(r.userId()),
                                            PointTopics.CHARGE_COMPLETED,
                                            new PointChargeCompleted(
                                                    r.id(),
                                                    r.userId(),
                                                    r.amount(),
                                                    a.paymentId(),
                                                    applied.transactionId(),
                                                    applied.balanceAfter(),
                                                    now))
                                    .withUserId(r.userId()));
                        }
                    }
                },
                message));
    }

    /** Called for each payment.failed.v1 of purpose POINT_CHARGE (in the reply's inbox transaction). */
    public void failed(PaymentFailed f, InboundMessage message) {
        inboxFail(message, f.referenceId(), null, f.failureCode(), f.failureMessage());
    }

    private void inboxFail(
            InboundMessage message, long requestId, PaymentApproved approvedToCancel, String code, String reason) {
        once.run(CONSUMER, message, () -> {
            Optional<PointChargeRequest> locked = requests.lock(requestId);
            if (locked.isEmpty()) {
                log.warn("Payment outcome {} for unknown charge request {}", code, requestId);
                return;
            }
            PointChargeRequest r = locked.get();
            Instant now = clock.instant();
            if (r.fail(code, reason, approvedToCancel == null ? null : approvedToCancel.paymentId(), now)) {
                outbox.append(OutboundMessage.of(
                                PointTopics.EVENTS,
                                Long.toString(r.userId()),
                                PointTopics.CHARGE_FAILED,
                                new PointChargeFailed(r.id(), r.userId(), r.amount(), code, reason, now))
                        .withUserId(r.userId()));
            }
            if (approvedToCancel != null) {
                cancelPayment(approvedToCancel, reason);
                r.refundRequested(now);
            }
        });
    }

    /** Asks payment-service to give an approved payment back (we will not credit it). */
    private void cancelPayment(PaymentApproved a, String reason) {
        outbox.append(OutboundMessage.of(
                        PaymentTopics.COMMANDS,
                        a.paymentKey(),
                        PaymentTopics.CANCEL,
                        new CancelPaymentCommand(
                                a.paymentKey(), refundRequestId(a.referenceId()), null, "Not credited: " + reason))
                .withUserId(a.userId()));
    }
}
