package com.creatorcommerce.payment.application;

import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.payment.application.port.PaymentGateway;
import com.creatorcommerce.payment.application.port.PaymentGateway.ConfirmOutcome;
import com.creatorcommerce.payment.application.port.PaymentGateway.StatusOutcome;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentStatus;
import com.creatorcommerce.payment.domain.RequestedPayment;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Settling a recorded payment at the PG, outside any transaction (each outcome is recorded in a short one by
 * {@link PaymentOutcomes} or {@link PgHeldMoney}): {@link #settle} sends the confirm of a payment that
 * {@link ConfirmPaymentService#accept} recorded. An unknown confirm outcome (timeout, 5xx, or a 4xx that is no
 * decline, such as 409 "already processing" answering our own same-key retry) is resolved by the PG's status; what
 * stays unknown is left PENDING for {@link #reconcile} (status first; a payment the PG does not know is confirmed
 * again with the same Idempotency-Key). A payment the PG reports cancelled while it was PENDING fails, and what the
 * PG still holds of it is cancelled.
 */
@Service
public class SettlePaymentService {

    private final Payments payments;
    private final PaymentGateway gateway;
    private final PaymentOutcomes outcomes;
    private final PgHeldMoney heldMoney;
    private final CancelPaymentService cancels;

    SettlePaymentService(
            Payments payments,
            PaymentGateway gateway,
            PaymentOutcomes outcomes,
            PgHeldMoney heldMoney,
            CancelPaymentService cancels) {
        this.payments = payments;
        this.gateway = gateway;
        this.outcomes = outcomes;
        this.heldMoney = heldMoney;
        this.cancels = cancels;
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
                heldMoney.heldAtPg(p.id(), "DONE", approved, approved).ifPresent(cancels::execute);
            }
            case StatusOutcome.Cancelled c -> cancelledAtPg(p, c);
            case StatusOutcome.NotApproved n -> heldMoney.notHeld(p.id(), n.pgStatus());
            case StatusOutcome.NotFound ignored -> heldMoney.notHeld(p.id(), "no payment with this key");
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
                heldMoney.notHeld(p.id(), c.pgStatus());
            }
            return;
        }
        heldMoney
                .heldAtPg(p.id(), c.pgStatus(), c.totalAmount(), c.balanceAmount())
                .ifPresent(cancels::execute);
    }

    private void approved(long paymentId, long amount, Instant approvedAt) {
        outcomes.approved(paymentId, amount, approvedAt).ifPresent(cancels::execute);
    }
}
