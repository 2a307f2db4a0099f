package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.payment.CancelPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentApproved;
import com.creatorcommerce.contracts.payment.PaymentFailed;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.contracts.point.PointChargeCompleted;
import com.creatorcommerce.contracts.point.PointChargeFailed;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.point.adapter.out.persistence.PointChargeRequests;
import com.creatorcommerce.point.application.ledger.LedgerEntry;
import com.creatorcommerce.point.application.ledger.LedgerOutcome;
import com.creatorcommerce.point.application.ledger.LedgerParticipant;
import com.creatorcommerce.point.application.ledger.PointLedger;
import com.creatorcommerce.point.domain.ChargeStatus;
import com.creatorcommerce.point.domain.PointChargeRequest;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The outcome of a charge request's payment (payment.replies, purpose POINT_CHARGE). An approval credits the wallet
 * and completes the request in ONE transaction (with the reply's inbox row); a failure marks the request FAILED.
 * An approval that does not match the request (amount, user, key), or that arrives for a request already failed, is
 * not credited: the payment is cancelled at the PG instead.
 */
@Service
public class ChargeSettlement {

    public static final String CONSUMER = "point-service.payment-replies";
    private static final Logger log = LoggerFactory.getLogger(ChargeSettlement.class);

    private final PointChargeRequests requests;
    private final PointLedger ledger;
    private final HandleOnce once;
    private final Outbox outbox;
    private final Clock clock;

    ChargeSettlement(PointChargeRequests requests, PointLedger ledger, HandleOnce once, Outbox outbox, Clock clock) {
        this.requests = requests;
        this.ledger = ledger;
        this.once = once;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Called outside a transaction for each payment.approved.v1 of purpose POINT_CHARGE. */
    public void approved(PaymentApproved a, InboundMessage message) {
        Optional<PointChargeRequest> found = requests.findById(a.referenceId());
        if (found.isEmpty()) {
            log.error("Payment {} approved for unknown charge request {}: cancelling it", a.paymentId(),
                    a.referenceId());
            once.run(CONSUMER, message, () -> cancelPayment(a, "no such charge request"));
            return;
        }
        PointChargeRequest r = found.get();
        if (r.userId() != a.userId() || r.amount() != a.amount() || !a.paymentKey().equals(r.paymentKey())) {
            inboxFail(message, r.id(), a, "PAYMENT_MISMATCH", "The approved payment (user " + a.userId() + ", amount "
                    + a.amount() + ") does not match the charge request");
            return;
        }
        ledger.apply(new LedgerEntry(r.userId(), TransactionType.CHARGE, r.amount(), ReferenceType.CHARGE_REQUEST,
                r.id(), new LedgerParticipant() {
                    @Override
                    public boolean admit() {
                        if (!once.mark(CONSUMER, message)) {
                            return false;
                        }
                        PointChargeRequest locked = requests.lockById(r.id()).orElseThrow();
                        if (locked.status() == ChargeStatus.FAILED) {
                            // paid after we gave up on it: give the money back rather than credit a failed request
                            cancelPayment(a, "charge request " + r.id() + " had failed");
                        }
                        return locked.status() == ChargeStatus.PENDING;
                    }

                    @Override
                    public void complete(LedgerOutcome outcome) {
                        if (outcome instanceof LedgerOutcome.Applied applied) {
                            PointChargeRequest locked = requests.lockById(r.id()).orElseThrow();
                            Instant now = clock.instant();
                            locked.complete(a.paymentId(), applied.transactionId(), now);
                            outbox.append(OutboundMessage.of(PointTopics.EVENTS, Long.toString(r.userId()),
                                    PointTopics.CHARGE_COMPLETED, new PointChargeCompleted(r.id(), r.userId(),
                                            r.amount(), a.paymentId(), applied.transactionId(),
                                            applied.balanceAfter(), now)).withUserId(r.userId()));
                        }
                    }
                }, message));
    }

    /** Called for each payment.failed.v1 of purpose POINT_CHARGE (in the reply's inbox transaction). */
    public void failed(PaymentFailed f, InboundMessage message) {
        inboxFail(message, f.referenceId(), null, f.failureCode(), f.failureMessage());
    }

    private void inboxFail(InboundMessage message, long requestId, PaymentApproved approvedToCancel, String code,
            String reason) {
        once.run(CONSUMER, message, () -> {
            Optional<PointChargeRequest> locked = requests.lockById(requestId);
            if (locked.isEmpty()) {
                log.warn("Payment outcome {} for unknown charge request {}", code, requestId);
                return;
            }
            PointChargeRequest r = locked.get();
            Instant now = clock.instant();
            if (r.fail(code, reason, approvedToCancel == null ? null : approvedToCancel.paymentId(), now)) {
                outbox.append(OutboundMessage.of(PointTopics.EVENTS, Long.toString(r.userId()),
                        PointTopics.CHARGE_FAILED, new PointChargeFailed(r.id(), r.userId(), r.amount(), code, reason,
                                now)).withUserId(r.userId()));
            }
            if (approvedToCancel != null) {
                cancelPayment(approvedToCancel, reason);
            }
        });
    }

    /** Asks payment-service to give an approved payment back (we will not credit it). */
    private void cancelPayment(PaymentApproved a, String reason) {
        outbox.append(OutboundMessage.of(PaymentTopics.COMMANDS, a.paymentKey(), PaymentTopics.CANCEL,
                new CancelPaymentCommand(a.paymentKey(), "point-charge-" + a.referenceId() + "-not-credited", null,
                        "Not credited: " + reason)).withUserId(a.userId()));
    }
}
