package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One payment at the PG, identified there by its payment key ({@code pg_payment_id}, unique). It starts PENDING and
 * reaches its outcome only from an authoritative PG answer: a confirm response, or a status query after an unknown
 * outcome. Once approved it can be cancelled, fully or in parts.
 *
 * <p>Its parts: what was asked ({@link RequestedPayment}, fixed), where it stands ({@link PaymentOutcome}: status,
 * when it was paid or why it failed), what the PG holds of it ({@link PgHolding}: approved, less what was cancelled
 * since), and its looks at the PG
 * ({@link PaymentLooks}): the reconciliation job looks at it while it is PENDING (held back while a PG call is in
 * flight, then backed off after each look that left the outcome unknown) and while it is FAILED for an unclear reason
 * (re-checked: the PG might hold the money after all); no more once the outcome is certain.
 */
@Entity
@Table(name = "payments")
public class Payment {

    @Id
    @Column(name = "payment_id")
    private long id;

    @Embedded
    private RequestedPayment requested;

    @Embedded
    private PgHolding holding = PgHolding.nothing();

    @Embedded
    private PaymentOutcome outcome = PaymentOutcome.pending();

    @Embedded
    private PaymentLooks looks = PaymentLooks.none();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Payment() {}

    /** A PENDING payment of {@code requested}. */
    public static Payment request(long id, RequestedPayment requested, Instant now) {
        Payment p = new Payment();
        p.id = id;
        p.requested = Objects.requireNonNull(requested, "requested");
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /** Idempotency-Key of every confirm of this payment (retries and reconciliation reuse it). */
    public String confirmIdempotencyKey() {
        return "payment-" + id + "-confirm";
    }

    /** Created: the caller sends the confirm; the reconciliation job steps in only if nothing is known by then. */
    public void holdChecks(CheckSchedule schedule, Instant now) {
        if (outcome.isPending()) {
            looks.hold(schedule, now);
        }
    }

    /** A confirm is sent now; the reconciliation job leaves the payment alone while it is in flight. */
    public void confirmSent(CheckSchedule schedule, Instant now) {
        looks.confirmSent(now);
        updatedAt = now;
        if (outcome.isPending()) {
            looks.hold(schedule, now);
        }
    }

    /**
     * Claims a due look for the reconciliation job: false when the row is not due at {@code dueBy} (another instance
     * took it, or it was settled meanwhile); otherwise held while the look is in flight.
     */
    public boolean claimCheck(Instant dueBy, CheckSchedule schedule, Instant now) {
        return looks.claim(dueBy, schedule, now);
    }

    /**
     * The PG approved {@code approved}: SUCCESS if it is the requested amount. Otherwise FAILED with
     * {@link PaymentFailure#AMOUNT_MISMATCH} (the caller cancels the approval at the PG). Returns false when the
     * payment was not pending (someone else settled it first).
     */
    public boolean approve(long approved, Instant approvedAt, Instant now) {
        if (!outcome.isPending()) {
            return false;
        }
        holding.approved(approved);
        if (approved != requested.amount()) {
            return fail(
                    PaymentFailure.AMOUNT_MISMATCH,
                    "The PG approved " + approved + " instead of the requested " + requested.amount(),
                    now);
        }
        outcome.approved(approvedAt == null ? now : approvedAt);
        looks.settled(now);
        updatedAt = now;
        return true;
    }

    /** Not approved: a definite answer, nothing left to check. Returns false when the payment was not pending. */
    public boolean fail(String code, String message, Instant now) {
        if (!outcome.isPending()) {
            return false;
        }
        outcome.failed(code, message, now);
        looks.declined(now);
        updatedAt = now;
        return true;
    }

    /**
     * Not approved as far as anyone can tell, but not for a definite reason (e.g. a 4xx answer without a readable PG
     * code, and the PG knows no such payment): FAILED, and re-checked by the reconciliation job from
     * {@code recheckAt} on, in case the PG holds the money after all. Returns false when the payment was not pending.
     */
    public boolean failUnclear(String code, String message, Instant recheckAt, Instant now) {
        if (!fail(code, message, now)) {
            return false;
        }
        looks.recheckFrom(recheckAt);
        return true;
    }

    /** FAILED for an unclear reason and not re-checked to the end yet. */
    public boolean awaitingRecheck() {
        return outcome.isFailed() && looks.due();
    }

    /** A re-check found the PG holds nothing of this failed payment: nothing more to check. */
    public boolean recheckSettled(Instant now) {
        if (!awaitingRecheck()) {
            return false;
        }
        looks.settled(now);
        updatedAt = now;
        return true;
    }

    /**
     * The PG holds an approval of {@code approved} for a payment that is not (or no longer) treated as approved: the
     * PG reports it (partly) cancelled while it was PENDING, or a re-check of an unclear failure found it approved.
     * The payment is FAILED (announced as such if it was PENDING) with {@code approved} recorded, so that what the PG
     * still holds ({@link #cancellableAmount()}) is cancelled. Returns false when there is nothing to do (settled
     * otherwise, or already recorded).
     */
    public boolean heldWithoutApproval(String code, String message, long approved, Instant now) {
        if (approved <= 0) {
            throw new IllegalArgumentException("An approved amount is positive: " + approved);
        }
        if (outcome.isPending()) {
            fail(code, message, now);
        } else if (!awaitingRecheck() || holding.approvalRecorded()) {
            return false;
        }
        holding.approved(approved);
        looks.settled(now);
        updatedAt = now;
        return true;
    }

    /**
     * A look at the PG (confirm, status query) left the outcome unknown: the row stays as it is (PENDING, or FAILED
     * awaiting its re-check) and the reconciliation job looks again after a capped exponential back-off. Returns true
     * when this look used up the attempts and flagged the row for ops (once).
     */
    public boolean stillUnknown(String reason, CheckSchedule schedule, Instant now) {
        if (!outcome.isPending() && !awaitingRecheck()) {
            return false;
        }
        updatedAt = now;
        return looks.unknown(reason, schedule, now);
    }

    /** What the PG holds and was not cancelled yet (an approval for a wrong amount counts until cancelled). */
    public long cancellableAmount() {
        return holding.cancellable();
    }

    /** The PG cancelled {@code cancelAmount}; an approved payment becomes PARTIALLY_CANCELLED or CANCELLED. */
    public void cancelled(long cancelAmount, Instant now) {
        holding.cancelled(cancelAmount, id);
        outcome.cancelled(cancellableAmount());
        updatedAt = now;
    }

    public long id() {
        return id;
    }

    /** What was asked: payer, amount, purpose and reference, the PG's keys. */
    public RequestedPayment requested() {
        return requested;
    }

    /** What the PG holds of it: approved, and cancelled since. */
    public PgHolding holding() {
        return holding;
    }

    public PaymentStatus status() {
        return outcome.status();
    }

    /** Where it stands: status, when it was paid, why it failed. */
    public PaymentOutcome outcome() {
        return outcome;
    }

    /** Its looks at the PG: how many left the outcome unknown, when the next one is due, whether ops were told. */
    public PaymentLooks looks() {
        return looks;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
