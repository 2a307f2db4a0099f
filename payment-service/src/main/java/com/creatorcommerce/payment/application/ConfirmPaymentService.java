package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.adapter.out.persistence.Payments;
import com.creatorcommerce.payment.application.port.PaymentGateway;
import com.creatorcommerce.payment.application.port.PaymentGateway.ConfirmOutcome;
import com.creatorcommerce.payment.application.port.PaymentGateway.StatusOutcome;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentStatus;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirming a payment at the PG, in two steps so that no transaction stays open during the PG call:
 * {@link #accept} records the payment PENDING (in the command's inbox transaction), then {@link #settle} calls the PG
 * and records the outcome. An unknown confirm outcome is resolved by the PG's status; what stays unknown is left
 * PENDING for {@link #reconcile} (status first; a payment the PG does not know is confirmed again with the same
 * Idempotency-Key).
 */
@Service
public class ConfirmPaymentService {

    static final int MAX_KEY_LENGTH = 200;

    private final Payments payments;
    private final PaymentGateway gateway;
    private final PaymentOutcomes outcomes;
    private final CancelPaymentService cancels;
    private final PaymentAnnouncements announcements;
    private final IdGenerator ids;
    private final Clock clock;

    ConfirmPaymentService(Payments payments, PaymentGateway gateway, PaymentOutcomes outcomes,
            CancelPaymentService cancels, PaymentAnnouncements announcements, IdGenerator ids, Clock clock) {
        this.payments = payments;
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.cancels = cancels;
        this.announcements = announcements;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Records the payment for {@code cmd} in the caller's transaction. Returns its id when the PG must now be asked;
     * empty when the command was answered here (invalid, key used by another payment, a repeat of a settled payment)
     * or a repeat of a payment still in progress (its outcome will be announced once known).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> accept(ConfirmPaymentCommand cmd, String correlationId) {
        String invalid = validate(cmd);
        if (invalid != null) {
            announcements.refused(cmd, PaymentFailureCode.INVALID_COMMAND, invalid, clock.instant());
            return Optional.empty();
        }
        Optional<Payment> existing = payments.findByPaymentKey(cmd.paymentKey());
        if (existing.isPresent()) {
            Payment p = existing.get();
            if (!p.sameRequest(cmd.purpose(), cmd.referenceId(), cmd.userId(), cmd.amount())) {
                announcements.refused(cmd, PaymentFailureCode.PAYMENT_KEY_CONFLICT,
                        "The payment key belongs to another payment", clock.instant());
            } else if (p.status() != PaymentStatus.PENDING) {
                announcements.outcome(p, true); // a repeat: the same answer again, no second charge
            }
            return Optional.empty();
        }
        Payment p = Payment.request(ids.nextId(), cmd.paymentKey(), cmd.purpose(), cmd.referenceId(), cmd.userId(),
                cmd.amount(), correlationId, clock.instant());
        payments.saveAndFlush(p);
        return Optional.of(p.id());
    }

    private static String validate(ConfirmPaymentCommand cmd) {
        if (cmd.paymentKey() == null || cmd.paymentKey().isBlank() || cmd.paymentKey().length() > MAX_KEY_LENGTH) {
            return "payment_key must be 1 to " + MAX_KEY_LENGTH + " characters";
        }
        if (cmd.purpose() == null) {
            return "purpose is required";
        }
        if (cmd.amount() <= 0) {
            return "amount must be positive";
        }
        if (cmd.userId() <= 0) {
            return "user_id must be positive";
        }
        return null;
    }

    /** Confirms the PENDING payment at the PG and records the outcome (call outside any transaction). */
    public void settle(long paymentId) {
        Payment p = payments.findById(paymentId).orElseThrow();
        if (p.status() != PaymentStatus.PENDING) {
            return;
        }
        outcomes.confirmSending(paymentId);
        ConfirmOutcome outcome = gateway.confirm(p.paymentKey(), p.pgOrderId(), p.amount(),
                p.confirmIdempotencyKey());
        switch (outcome) {
            case ConfirmOutcome.Approved a -> approved(paymentId, a.totalAmount(), a.approvedAt());
            case ConfirmOutcome.Rejected r -> outcomes.failed(paymentId, r.code(), r.message());
            case ConfirmOutcome.Unknown u -> resolveByStatus(p, u.reason());
        }
    }

    /** Asks the PG what became of a PENDING payment; confirms it again (same key) if the PG never saw it. */
    public void reconcile(long paymentId) {
        Payment p = payments.findById(paymentId).orElseThrow();
        if (p.status() != PaymentStatus.PENDING) {
            return;
        }
        StatusOutcome status = gateway.status(p.paymentKey());
        if (status instanceof StatusOutcome.NotFound) {
            settle(paymentId);
        } else {
            apply(p, status, "reconciliation");
        }
    }

    private void resolveByStatus(Payment p, String unknownReason) {
        apply(p, gateway.status(p.paymentKey()), unknownReason);
    }

    private void apply(Payment p, StatusOutcome status, String context) {
        switch (status) {
            // the PG may omit totalAmount in a status answer: its DONE is the approval of the confirm we sent
            case StatusOutcome.Done d -> approved(p.id(), d.totalAmount() == null ? p.amount() : d.totalAmount(),
                    d.approvedAt());
            case StatusOutcome.NotApproved n -> outcomes.failed(p.id(), PaymentFailureCode.PG_ABORTED,
                    "The PG reports the payment " + n.pgStatus());
            case StatusOutcome.NotFound ignored -> outcomes.stillUnknown(p.id(),
                    context + "; the PG has no payment with this key yet");
            case StatusOutcome.InProgress i -> outcomes.stillUnknown(p.id(),
                    context + "; the PG reports " + i.pgStatus());
            case StatusOutcome.Unknown u -> outcomes.stillUnknown(p.id(), context + "; status query: " + u.reason());
        }
    }

    private void approved(long paymentId, long amount, java.time.Instant approvedAt) {
        outcomes.approved(paymentId, amount, approvedAt).ifPresent(cancels::execute);
    }
}
