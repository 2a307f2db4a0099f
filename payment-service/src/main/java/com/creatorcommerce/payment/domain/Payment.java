package com.creatorcommerce.payment.domain;

import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
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
 */
@Entity
@Table(name = "payments")
public class Payment {

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

    public void confirmSent(Instant now) {
        confirmAttempts++;
        lastCheckedAt = now;
        updatedAt = now;
    }

    /**
     * The PG approved {@code approved}: SUCCESS if it is the requested amount. Otherwise FAILED with
     * {@link PaymentFailureCode#AMOUNT_MISMATCH} (the caller cancels the approval at the PG). Returns false when the
     * payment was not pending (someone else settled it first).
     */
    public boolean approve(long approved, Instant approvedAt, Instant now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        approvedAmount = approved;
        if (approved != amount) {
            return fail(PaymentFailureCode.AMOUNT_MISMATCH,
                    "The PG approved " + approved + " instead of the requested " + amount, now);
        }
        status = PaymentStatus.SUCCESS;
        paidAt = approvedAt == null ? now : approvedAt;
        lastError = null;
        lastCheckedAt = now;
        updatedAt = now;
        return true;
    }

    /** Not approved. Returns false when the payment was not pending. */
    public boolean fail(String code, String message, Instant now) {
        if (status != PaymentStatus.PENDING) {
            return false;
        }
        status = PaymentStatus.FAILED;
        failureCode = code;
        failureMessage = clip(message);
        failedAt = now;
        lastCheckedAt = now;
        updatedAt = now;
        return true;
    }

    /** The outcome is still unknown (timeout, 5xx, PG unreachable): stays PENDING for the reconciliation job. */
    public void stillUnknown(String reason, Instant now) {
        if (status == PaymentStatus.PENDING) {
            lastError = clip(reason);
            lastCheckedAt = now;
            updatedAt = now;
        }
    }

    /** What the PG holds and was not cancelled yet (an approval for a wrong amount counts until cancelled). */
    public long cancellableAmount() {
        long approved = approvedAmount == null ? 0 : approvedAmount;
        return Math.max(0, approved - cancelledAmount);
    }

    public boolean amountMismatch() {
        return PaymentFailureCode.AMOUNT_MISMATCH.equals(failureCode);
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

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
