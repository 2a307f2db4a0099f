package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * <p>{@code next_check_at} is when the reconciliation job looks at it: set while it is PENDING (held back while a PG
 * call is in flight, then backed off after each look that left the outcome unknown) and while it is FAILED for an
 * unclear reason (re-checked: the PG might hold the money after all); cleared once the outcome is certain.
 */
@Entity
@Table(name = "payments")
public class Payment {

    /**
     * The failure code of a payment the PG approved for another amount than requested (the approval is cancelled
     * again); published as {@code PaymentFailureCode.AMOUNT_MISMATCH}.
     */
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";

    private static final int TEXT = 500;

    @Id
    @Column(name = "payment_id")
    private long id;

    @Column(name = "pg_payment_id", nullable = false, updatable = false)
    private String paymentKey;

    @Column(name = "pg_order_id", nullable = false, updatable = false)
    private String pgOrderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, updatable = false)
    private PaymentPurpose purpose;

    @Column(name = "reference_id", nullable = false, updatable = false)
    private long referenceId;

    @Column(name = "charge_request_id", updatable = false)
    private Long chargeRequestId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "amount", nullable = false, updatable = false)
    private long amount;

    @Column(name = "approved_amount")
    private Long approvedAmount;

    @Column(name = "cancelled_amount", nullable = false)
    private long cancelledAmount;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status", nullable = false)
    private PaymentStatus status;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_message")
    private String failureMessage;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    @Column(name = "confirm_attempts", nullable = false)
    private int confirmAttempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "last_checked_at")
    private Instant lastCheckedAt;

    @Column(name = "correlation_id", updatable = false)
    private String correlationId;

    @Column(name = "check_attempts", nullable = false)
    private int checkAttempts;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "attention_at")
    private Instant attentionAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Payment() {
    }

    public static Payment request(long id, String paymentKey, PaymentPurpose purpose, long referenceId, long userId,
            long amount, String correlationId, Instant now) {
        if (amount <= 0) {
            throw new IllegalArgumentException("A payment amount is positive: " + amount);
        }
        Payment p = new Payment();
        p.id = id;
        p.paymentKey = Objects.requireNonNull(paymentKey, "paymentKey");
        p.purpose = Objects.requireNonNull(purpose, "purpose");
        p.referenceId = referenceId;
        p.chargeRequestId = purpose == PaymentPurpose.POINT_CHARGE ? referenceId : null;
        p.pgOrderId = pgOrderId(purpose, referenceId);
        p.userId = userId;
        p.amount = amount;
        p.status = PaymentStatus.PENDING;
        p.correlationId = correlationId;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /** The PG's {@code orderId} (6 to 64 of {@code [A-Za-z0-9_-]}): unique per requester reference. */
    static String pgOrderId(PaymentPurpose purpose, long referenceId) {
        return purpose.name().toLowerCase().replace('_', '-') + "-" + referenceId;
    }

    /** Whether a confirm for this key asks for the same thing (a repeat) rather than reusing the key. */
    public boolean sameRequest(PaymentPurpose purpose, long referenceId, long userId, long amount) {
        return this.purpose == purpose && this.referenceId == referenceId && this.userId == userId
                && this.amount == amount;
    }

    /** Idempotency-Key of every confirm of this payment (retries and reconciliation reuse it). */
    public String confirmIdempotencyKey() {
        return "payment-" + id + "-confirm";
    }

    /** Created: the caller sends the confirm; the reconciliation job steps in only if nothing is known by then. */
    public void holdChecks(CheckSchedule schedule, Instant now) {
        if (status == PaymentStatus.PENDING) {
            nextCheckAt = schedule.holdUntil(now);
        }
    }

    /** A confirm is sent now; the reconciliation job leaves the payment alone while it is in flight. */
    public void confirmSent(CheckSchedule schedule, Instant now) {
        confirmAttempts++;
        lastCheckedAt = now;
        updatedAt = now;
        if (status == PaymentStatus.PENDING) {
            nextCheckAt = schedule.holdUntil(now);
        }
    }

    /**
     * Claims a due look for the reconciliation job: false when the row is not due at {@code dueBy} (another instance
     * took it, or it was settled meanwhile); otherwise held while the look is in flight.
     */
    public boolean claimCheck(Instant dueBy, CheckSchedule schedule, Instant now) {
        if (nextCheckAt == null || nextCheckAt.isAfter(dueBy)) {
            return false;
        }
        nextCheckAt = schedule.holdUntil(now);
        return true;
    }

    /**
     * The PG approved {@code approved}: SUCCESS if it is the requested amount. Otherwise FAILED with
     * {@link #AMOUNT_MISMATCH} (the caller cancels the approval at the PG). Returns false when the
     * payment was not pending (someone else settled it first).
     */
    public boolean approve(long approved, Instant approvedAt, Instant now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        approvedAmount = approved;
        if (approved != amount) {
            return fail(AMOUNT_MISMATCH,
                    "The PG approved " + approved + " instead of the requested " + amount, now);
        }
        status = PaymentStatus.SUCCESS;
        paidAt = approvedAt == null ? now : approvedAt;
        lastError = null;
        lastCheckedAt = now;
        nextCheckAt = null;
        updatedAt = now;
        return true;
    }

    /** Not approved: a definite answer, nothing left to check. Returns false when the payment was not pending. */
    public boolean fail(String code, String message, Instant now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        status = PaymentStatus.FAILED;
        failureCode = code;
        failureMessage = clip(message);
        failedAt = now;
        lastCheckedAt = now;
        nextCheckAt = null;
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
        nextCheckAt = recheckAt;
        return true;
    }

    /** FAILED for an unclear reason and not re-checked to the end yet. */
    public boolean awaitingRecheck() {
        return status == PaymentStatus.FAILED && nextCheckAt != null;
    }

    /** A re-check found the PG holds nothing of this failed payment: nothing more to check. */
    public boolean recheckSettled(Instant now) {
        if (!awaitingRecheck()) {
            return false;
        }
        nextCheckAt = null;
        lastError = null;
        lastCheckedAt = now;
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
        if (status == PaymentStatus.PENDING) {
            fail(code, message, now);
        } else if (!awaitingRecheck() || approvedAmount != null) {
            return false;
        }
        approvedAmount = approved;
        nextCheckAt = null;
        lastError = null;
        lastCheckedAt = now;
        updatedAt = now;
        return true;
    }

    /**
     * A look at the PG (confirm, status query) left the outcome unknown: the row stays as it is (PENDING, or FAILED
     * awaiting its re-check) and the reconciliation job looks again after a capped exponential back-off. Returns true
     * when this look used up the attempts and flagged the row for ops (once).
     */
    public boolean stillUnknown(String reason, CheckSchedule schedule, Instant now) {
        if (status != PaymentStatus.PENDING && !awaitingRecheck()) {
            return false;
        }
        lastError = clip(reason);
        lastCheckedAt = now;
        updatedAt = now;
        checkAttempts++;
        nextCheckAt = schedule.next(checkAttempts, now);
        if (schedule.exhausted(checkAttempts) && attentionAt == null) {
            attentionAt = now;
            return true;
        }
        return false;
    }

    /** What the PG holds and was not cancelled yet (an approval for a wrong amount counts until cancelled). */
    public long cancellableAmount() {
        long approved = approvedAmount == null ? 0 : approvedAmount;
        return Math.max(0, approved - cancelledAmount);
    }

    public boolean amountMismatch() {
        return AMOUNT_MISMATCH.equals(failureCode);
    }

    /** The PG cancelled {@code cancelAmount}; an approved payment becomes PARTIALLY_CANCELLED or CANCELLED. */
    public void cancelled(long cancelAmount, Instant now) {
        if (cancelAmount <= 0 || cancelAmount > cancellableAmount()) {
            throw new IllegalStateException("Cannot cancel " + cancelAmount + " of payment " + id + " (cancellable "
                    + cancellableAmount() + ")");
        }
        cancelledAmount += cancelAmount;
        if (status.isCancellable()) {
            status = cancellableAmount() == 0 ? PaymentStatus.CANCELLED : PaymentStatus.PARTIALLY_CANCELLED;
        }
        updatedAt = now;
    }

    private static String clip(String s) {
        return s == null || s.length() <= TEXT ? s : s.substring(0, TEXT);
    }

    public long id() {
        return id;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public String pgOrderId() {
        return pgOrderId;
    }

    public PaymentPurpose purpose() {
        return purpose;
    }

    public long referenceId() {
        return referenceId;
    }

    public long userId() {
        return userId;
    }

    public long amount() {
        return amount;
    }

    public Long approvedAmount() {
        return approvedAmount;
    }

    public long cancelledAmount() {
        return cancelledAmount;
    }

    public PaymentStatus status() {
        return status;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant failedAt() {
        return failedAt;
    }

    public int confirmAttempts() {
        return confirmAttempts;
    }

    public String lastError() {
        return lastError;
    }

    public String correlationId() {
        return correlationId;
    }

    public int checkAttempts() {
        return checkAttempts;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }

    public Instant attentionAt() {
        return attentionAt;
    }

    public Instant lastCheckedAt() {
        return lastCheckedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
