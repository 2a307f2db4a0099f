package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A full or partial cancel of a payment ({@code payment_cancellations}). Recorded REQUESTED before the PG is asked,
 * so that a crash or an unknown outcome is retried with the same Idempotency-Key and never cancels twice; its
 * {@link PgCheck} says when the reconciliation job sends it again.
 */
@Entity
@Table(name = "payment_cancellations")
public class PaymentCancellation {

    @Id
    @Column(name = "cancellation_id")
    private long id;

    @Column(name = "payment_id", nullable = false, updatable = false)
    private long paymentId;

    @Embedded
    private RequestedCancel requested;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private CancellationStatus status;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_message")
    private String failureMessage;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** Null when Hibernate loads a row without any of its columns set: see {@link #check()}. */
    @Embedded
    private PgCheck check = PgCheck.none();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PaymentCancellation() {}

    /** A REQUESTED cancel of {@code payment}: see {@link RequestedCancel} for its parameters. */
    public static PaymentCancellation request(
            long id,
            Payment payment,
            String cancelRequestId,
            long cancelAmount,
            boolean fullCancel,
            String reason,
            boolean reply,
            String correlationId,
            Instant now) {
        PaymentCancellation c = new PaymentCancellation();
        c.id = id;
        c.paymentId = payment.id();
        c.requested = new RequestedCancel(cancelRequestId, cancelAmount, fullCancel, reason, reply, correlationId);
        c.status = CancellationStatus.REQUESTED;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /**
     * A cancel the PG already did without us (its status query reported the payment CANCELED / PARTIAL_CANCELED):
     * recorded DONE at once, so that the payment's cancelled amount is the sum of its DONE cancellations.
     */
    public static PaymentCancellation doneAtPg(
            long id, Payment payment, long cancelAmount, String reason, String correlationId, Instant now) {
        PaymentCancellation c = request(id, payment, null, cancelAmount, false, reason, false, correlationId, now);
        c.done(now);
        return c;
    }

    public String idempotencyKey() {
        return "payment-cancellation-" + id;
    }

    /** Recorded: the caller sends it; the reconciliation job steps in only if nothing is known by then. */
    public void holdChecks(CheckSchedule schedule, Instant now) {
        if (status == CancellationStatus.REQUESTED) {
            check().hold(schedule, now);
        }
    }

    /** Sent now; the reconciliation job leaves it alone while it is in flight. */
    public void sent(CheckSchedule schedule, Instant now) {
        attempts++;
        updatedAt = now;
        if (status == CancellationStatus.REQUESTED) {
            check().hold(schedule, now);
        }
    }

    /** Claims a due send for the reconciliation job: false when it is not due at {@code dueBy}. */
    public boolean claimCheck(Instant dueBy, CheckSchedule schedule, Instant now) {
        return status == CancellationStatus.REQUESTED && check().claim(dueBy, schedule, now);
    }

    public boolean done(Instant now) {
        if (status != CancellationStatus.REQUESTED) {
            return false;
        }
        status = CancellationStatus.DONE;
        cancelledAt = now;
        check().resolved();
        updatedAt = now;
        return true;
    }

    public boolean fail(String code, String message, Instant now) {
        if (status != CancellationStatus.REQUESTED) {
            return false;
        }
        status = CancellationStatus.FAILED;
        failureCode = code;
        failureMessage = message == null || message.length() <= 500 ? message : message.substring(0, 500);
        check().stop();
        updatedAt = now;
        return true;
    }

    /**
     * The PG's answer is unknown: sent again by the reconciliation job after a capped exponential back-off (same
     * Idempotency-Key). Returns true when this used up the attempts and flagged the cancellation for ops (once).
     */
    public boolean stillUnknown(String reason, CheckSchedule schedule, Instant now) {
        if (status != CancellationStatus.REQUESTED) {
            return false;
        }
        updatedAt = now;
        return check().unknown(reason, schedule.next(Math.max(attempts, 1), now), schedule.exhausted(attempts), now);
    }

    /** The reconciliation state; Hibernate loads it as null when none of its columns is set. */
    private PgCheck check() {
        if (check == null) {
            check = PgCheck.none();
        }
        return check;
    }

    public long id() {
        return id;
    }

    public long paymentId() {
        return paymentId;
    }

    /** What it asks of the PG: amount, full or not, reason, and the request it answers. */
    public RequestedCancel requested() {
        return requested;
    }

    public CancellationStatus status() {
        return status;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public int attempts() {
        return attempts;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextCheckAt() {
        return check == null ? null : check.nextCheckAt();
    }

    public Instant attentionAt() {
        return check == null ? null : check.attentionAt();
    }
}
