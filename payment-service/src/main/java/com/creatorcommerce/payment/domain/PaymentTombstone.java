package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A payment key closed by a cancel that came before the payment was approved ({@code payment_tombstones}): no
 * payment yet (the confirm is still on its way), a PENDING one (the confirm is at the PG) or a failed one. A later
 * or repeated confirm of the key is refused (answered FAILED with {@link #CODE}, never sent to the PG); a confirm
 * already at the PG is answered FAILED whatever the PG says, and what the PG approved is cancelled with this cancel's
 * request id. The cancel itself is answered CANCELLED: at once when nothing is or can be held, else once the
 * confirm's outcome is known ({@link #awaitingOutcome()}).
 */
@Entity
@Table(name = "payment_tombstones")
public class PaymentTombstone {

    /**
     * {@code failure_code} of a confirm refused (or failed) because its payment key was cancelled first: the
     * contract's {@code PaymentFailureCode.PAYMENT_CANCELLED} (the domain does not import the contracts).
     */
    public static final String CODE = "PAYMENT_CANCELLED";

    @Id
    @Column(name = "pg_payment_id")
    private String paymentKey;

    @Column(name = "cancel_request_id", nullable = false, updatable = false)
    private String cancelRequestId;

    @Column(name = "cancel_reason", updatable = false)
    private String cancelReason;

    @Column(name = "correlation_id", updatable = false)
    private String correlationId;

    @Column(name = "payment_id", updatable = false)
    private Long paymentId;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "cancellation_id")
    private Long cancellationId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PaymentTombstone() {}

    /**
     * @param pending the PENDING payment the cancel found (its answer waits for the confirm's outcome); null when
     *     there is no payment yet or it failed (answered at once: nothing is held)
     */
    public static PaymentTombstone close(
            String paymentKey,
            String cancelRequestId,
            String reason,
            String correlationId,
            Payment pending,
            Instant now) {
        PaymentTombstone t = new PaymentTombstone();
        t.paymentKey = paymentKey;
        t.cancelRequestId = cancelRequestId;
        t.cancelReason = reason == null || reason.length() <= 200 ? reason : reason.substring(0, 200);
        t.correlationId = correlationId;
        t.createdAt = now;
        if (pending != null && pending.status() == PaymentStatus.PENDING) {
            t.paymentId = pending.id();
        } else {
            t.answeredAt = now;
        }
        return t;
    }

    /** The message of a confirm refused because of this tombstone. */
    public String refusal() {
        return "Payment key " + paymentKey + " was cancelled (" + cancelRequestId + ") before it was approved";
    }

    /** The cancel is not answered yet: the confirm of its PENDING payment is still at the PG. */
    public boolean awaitingOutcome() {
        return answeredAt == null;
    }

    /** The confirm's outcome is known and nothing is held: the cancel is answered now. False if it already was. */
    public boolean answered(Instant now) {
        if (answeredAt != null) {
            return false;
        }
        answeredAt = now;
        return true;
    }

    /** The PG approved after all: the cancel is answered by cancellation {@code id} (its PG answer). */
    public boolean handedTo(long id, Instant now) {
        if (!answered(now)) {
            return false;
        }
        cancellationId = id;
        return true;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public String cancelRequestId() {
        return cancelRequestId;
    }

    public String cancelReason() {
        return cancelReason == null ? "cancel requested" : cancelReason;
    }

    public String correlationId() {
        return correlationId;
    }

    public Long paymentId() {
        return paymentId;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Long cancellationId() {
        return cancellationId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
