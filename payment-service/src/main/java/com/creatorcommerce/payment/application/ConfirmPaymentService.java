package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.application.port.PaymentGateway;
import com.creatorcommerce.payment.application.port.PaymentGateway.ConfirmOutcome;
import com.creatorcommerce.payment.application.port.PaymentGateway.StatusOutcome;
import com.creatorcommerce.payment.application.port.PaymentTombstones;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.CheckSchedule;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentStatus;
import com.creatorcommerce.payment.domain.PaymentTombstone;
import com.creatorcommerce.payment.domain.RequestedPayment;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirming a payment at the PG, in two steps so that no transaction stays open during the PG call:
 * {@link #accept} records the payment PENDING (in the command's inbox transaction), then {@link #settle} calls the PG
 * and records the outcome. An unknown confirm outcome (timeout, 5xx, or a 4xx that is no decline, such as 409
 * "already processing" answering our own same-key retry) is resolved by the PG's status; what stays unknown is left
 * PENDING for {@link #reconcile} (status first; a payment the PG does not know is confirmed again with the same
 * Idempotency-Key). A payment the PG reports cancelled while it was PENDING fails, and what the PG still holds of it
 * is cancelled. A payment key cancelled before its approval ({@link PaymentTombstone}) is never approved: a confirm
 * arriving after the cancel is refused, one already at the PG fails and what the PG approved is cancelled.
 */
@Service
public class ConfirmPaymentService {

    static final int MAX_KEY_LENGTH = 200;

    private final Payments payments;
    private final PaymentTombstones tombstones;
    private final PaymentGateway gateway;
    private final PaymentOutcomes outcomes;
    private final CancelPaymentService cancels;
    private final PaymentAnnouncements announcements;
    private final IdGenerator ids;
    private final Clock clock;
    private final CheckSchedule schedule;

    ConfirmPaymentService(
            Payments payments,
            PaymentTombstones tombstones,
            PaymentGateway gateway,
            PaymentOutcomes outcomes,
            CancelPaymentService cancels,
            PaymentAnnouncements announcements,
            IdGenerator ids,
            Clock clock,
            CheckSchedule schedule) {
        this.payments = payments;
        this.tombstones = tombstones;
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.cancels = cancels;
        this.announcements = announcements;
        this.ids = ids;
        this.clock = clock;
        this.schedule = schedule;
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
            if (!p.requested()
                    .sameAs(Purposes.toDomain(cmd.purpose()), cmd.referenceId(), cmd.userId(), cmd.amount())) {
                announcements.refused(
                        cmd,
                        PaymentFailureCode.PAYMENT_KEY_CONFLICT,
                        "The payment key belongs to another payment",
                        clock.instant());
            } else if (p.status() == PaymentStatus.CANCELLED) {
                // a confirm sent again after its payment was cancelled (e.g. by the saga's compensation): not approved
                announcements.refusedCancelled(p, "The payment was approved, then cancelled");
            } else if (p.status() != PaymentStatus.PENDING) {
                announcements.outcome(p, true); // a repeat: the same answer again, no second charge
            }
            return Optional.empty();
        }
        Optional<PaymentTombstone> closed = tombstones.lock(cmd.paymentKey());
        if (closed.isPresent()) {
            // the key was cancelled before this confirm arrived: refused, never sent to the PG
            announcements.refused(cmd, PaymentTombstone.CODE, closed.get().refusal(), clock.instant());
            return Optional.empty();
        }
        Instant now = clock.instant();
        RequestedPayment requested = RequestedPayment.of(
                cmd.paymentKey(),
                Purposes.toDomain(cmd.purpose()),
                cmd.referenceId(),
                cmd.userId(),
                cmd.amount(),
                correlationId);
        Payment p = Payment.request(ids.nextId(), requested, now);
        p.holdChecks(schedule, now); // if this instance dies before the PG answers, the reconciliation job takes over
        payments.add(p);
        return Optional.of(p.id());
    }

    private static String validate(ConfirmPaymentCommand cmd) {
        if (cmd.paymentKey() == null
                || cmd.paymentKey().isBlank()
                || cmd.paymentKey().length() > MAX_KEY_LENGTH) {
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
        Payment p = payments.find(paymentId).orElseThrow();
        if (p.status() != PaymentStatus.PENDING) {
            return;
        }
        if (!outcomes.confirmSending(paymentId)) {
            return; // cancelled before it was sent
        }
        RequestedPayment asked = p.requested();
        ConfirmOutcome outcome =
                gateway.confirm(asked.paymentKey(), asked.pgOrderId(), asked.amount(), p.confirmIdempotencyKey());
        switch (outcome) {
            case ConfirmOutcome.Approved a -> approved(paymentId, a.totalAmount(), a.approvedAt());
            case ConfirmOutcome.Rejected r -> outcomes.failed(paymentId, r.code(), r.message());
            case ConfirmOutcome.Unclear u -> resolveUnclear(p, u);
            case ConfirmOutcome.Unknown u ->
                apply(p, gateway.status(p.requested().paymentKey()), u.reason());
        }
    }

    /**
     * The reconciliation job's look at a due payment. PENDING: asks the PG what became of it, and confirms it again
     * (same Idempotency-Key) if the PG never saw it. FAILED for an unclear reason: asks whether the PG holds the money
     * after all, and if so cancels it (the requester was told it failed).
     */
    public void reconcile(long paymentId) {
        Payment p = payments.find(paymentId).orElseThrow();
        if (p.status() == PaymentStatus.PENDING) {
            StatusOutcome status = gateway.status(p.requested().paymentKey());
            if (status instanceof StatusOutcome.NotFound) {
                settle(paymentId);
            } else {
                apply(p, status, "reconciliation");
            }
        } else if (p.awaitingRecheck()) {
            recheck(p, gateway.status(p.requested().paymentKey()));
        }
    }

    /** A 4xx without a readable code: the status decides; a PG that knows nothing of it means failed, re-checked. */
    private void resolveUnclear(Payment p, ConfirmOutcome.Unclear u) {
        StatusOutcome status = gateway.status(p.requested().paymentKey());
        if (status instanceof StatusOutcome.NotFound) {
            outcomes.failedUnclear(p.id(), u.code(), u.message());
        } else {
            apply(p, status, "confirm answered " + u.code() + ": " + u.message());
        }
    }

    private void apply(Payment p, StatusOutcome status, String context) {
        switch (status) {
            // the PG may omit totalAmount in a status answer: its DONE is the approval of the confirm we sent
            case StatusOutcome.Done d ->
                approved(p.id(), d.totalAmount() == null ? p.requested().amount() : d.totalAmount(), d.approvedAt());
            case StatusOutcome.NotApproved n ->
                outcomes.failed(p.id(), PaymentFailureCode.PG_ABORTED, "The PG reports the payment " + n.pgStatus());
            case StatusOutcome.Cancelled c -> cancelledAtPg(p, c);
            case StatusOutcome.NotFound ignored ->
                outcomes.stillUnknown(p.id(), context + "; the PG has no payment with this key yet");
            case StatusOutcome.InProgress i ->
                outcomes.stillUnknown(p.id(), context + "; the PG reports " + i.pgStatus());
            case StatusOutcome.Unknown u -> outcomes.stillUnknown(p.id(), context + "; status query: " + u.reason());
        }
    }

    /** Re-check of a payment FAILED for an unclear reason: does the PG hold any of it? */
    private void recheck(Payment p, StatusOutcome status) {
        switch (status) {
            case StatusOutcome.Done d -> {
                long approved = d.totalAmount() == null ? p.requested().amount() : d.totalAmount();
                outcomes.heldAtPg(p.id(), "DONE", approved, approved).ifPresent(cancels::execute);
            }
            case StatusOutcome.Cancelled c -> cancelledAtPg(p, c);
            case StatusOutcome.NotApproved n -> outcomes.notHeld(p.id(), n.pgStatus());
            case StatusOutcome.NotFound ignored -> outcomes.notHeld(p.id(), "no payment with this key");
            case StatusOutcome.InProgress i ->
                outcomes.stillUnknown(p.id(), "re-check; the PG reports " + i.pgStatus());
            case StatusOutcome.Unknown u -> outcomes.stillUnknown(p.id(), "re-check; status query: " + u.reason());
        }
    }

    /**
     * The PG reports the payment CANCELED / PARTIAL_CANCELED: it was approved, and is not ours to treat as approved.
     * What the PG still holds is cancelled; the payment fails with the refund recorded.
     */
    private void cancelledAtPg(Payment p, StatusOutcome.Cancelled c) {
        if (c.totalAmount() == null) {
            // fully cancelled, amount untold: nothing is held either way
            if (p.status() == PaymentStatus.PENDING) {
                outcomes.failed(p.id(), PaymentFailureCode.PG_ABORTED, "The PG reports the payment " + c.pgStatus());
            } else {
                outcomes.notHeld(p.id(), c.pgStatus());
            }
            return;
        }
        outcomes.heldAtPg(p.id(), c.pgStatus(), c.totalAmount(), c.balanceAmount())
                .ifPresent(cancels::execute);
    }

    private void approved(long paymentId, long amount, Instant approvedAt) {
        outcomes.approved(paymentId, amount, approvedAt).ifPresent(cancels::execute);
    }
}
