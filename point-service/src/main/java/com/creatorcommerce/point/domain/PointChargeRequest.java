package com.creatorcommerce.point.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A request to buy {@code amount} points through the PG (seed 004): created PENDING, confirmed once with the PG
 * payment key, then COMPLETED (paid and credited, in one transaction) or FAILED (nothing credited). A payment that
 * was approved for it but not credited is given back at the PG; that refund's outcome is kept here too
 * ({@link ChargeRefund}), so that a refund the PG refused stays visible.
 */
@Entity
@Table(name = "point_charge_requests")
public class PointChargeRequest {

    @Id
    @Column(name = "charge_request_id")
    private long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "amount", nullable = false, updatable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ChargeStatus status;

    @Column(name = "payment_key")
    private String paymentKey;

    @Column(name = "payment_id")
    private Long paymentId;

    @Column(name = "transaction_id")
    private Long transactionId;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "confirm_requested_at")
    private Instant confirmRequestedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Null unless a payment approved for it had to be given back. */
    @Embedded
    private ChargeRefund refund;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PointChargeRequest() {}

    public static PointChargeRequest create(long id, long userId, long amount, Instant now) {
        if (amount <= 0) {
            throw new IllegalArgumentException("A charge amount is positive: " + amount);
        }
        PointChargeRequest r = new PointChargeRequest();
        r.id = id;
        r.userId = userId;
        r.amount = amount;
        r.status = ChargeStatus.PENDING;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    /** What confirming with {@code key} means for this request now. */
    public enum Confirmation {
        /** Confirmed now: the payment must be requested. */
        ACCEPTED,
        /** Already confirmed with the same key: nothing more to do (a retried call). */
        REPEATED,
        /** Already confirmed with another key. */
        CONFIRMED_WITH_OTHER_KEY,
        COMPLETED,
        FAILED
    }

    public Confirmation confirm(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        if (status == ChargeStatus.COMPLETED) {
            return Confirmation.COMPLETED;
        }
        if (status == ChargeStatus.FAILED) {
            return Confirmation.FAILED;
        }
        if (paymentKey != null) {
            return paymentKey.equals(key) ? Confirmation.REPEATED : Confirmation.CONFIRMED_WITH_OTHER_KEY;
        }
        paymentKey = key;
        confirmRequestedAt = now;
        updatedAt = now;
        return Confirmation.ACCEPTED;
    }

    /** Paid and credited. Returns false if the request was not PENDING. */
    public boolean complete(long paymentId, long transactionId, Instant now) {
        if (status != ChargeStatus.PENDING) {
            return false;
        }
        status = ChargeStatus.COMPLETED;
        this.paymentId = paymentId;
        this.transactionId = transactionId;
        completedAt = now;
        updatedAt = now;
        return true;
    }

    /** Not paid; nothing credited. Returns false if the request was not PENDING. */
    public boolean fail(String code, String reason, Long paymentId, Instant now) {
        if (status != ChargeStatus.PENDING) {
            return false;
        }
        status = ChargeStatus.FAILED;
        failureCode = code;
        failureReason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        this.paymentId = paymentId;
        failedAt = now;
        updatedAt = now;
        return true;
    }

    /** A payment approved for this request will not be credited: its cancel at the PG was asked for. */
    public void refundRequested(Instant now) {
        if (refund == null) {
            refund = ChargeRefund.requested(now);
            updatedAt = now;
        }
    }

    /** The PG gave {@code amount} back. Returns false when this was recorded before. */
    public boolean refunded(long amount, Instant now) {
        if (refund != null && refund.done()) {
            return false;
        }
        refund = (refund == null ? ChargeRefund.requested(now) : refund).refunded(amount, now);
        updatedAt = now;
        return true;
    }

    /**
     * The cancel was refused: the customer paid and has neither points nor the money back. Returns false when the
     * refund is already done (a late or repeated refusal changes nothing).
     */
    public boolean refundFailed(String code, String reason, Instant now) {
        if (refund != null && refund.done()) {
            return false;
        }
        refund = (refund == null ? ChargeRefund.requested(now) : refund).refused(code, reason, now);
        updatedAt = now;
        return true;
    }

    /**
     * Whether an approved payment is the one this request asked for: same user, same amount, the payment key it was
     * confirmed with. Only such a payment is credited; any other is given back.
     */
    public boolean matchesPayment(long payerId, long paidAmount, String paidKey) {
        return userId == payerId && amount == paidAmount && paymentKey != null && paymentKey.equals(paidKey);
    }

    public boolean isOwnedBy(long user) {
        return userId == user;
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public long amount() {
        return amount;
    }

    public ChargeStatus status() {
        return status;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public Long paymentId() {
        return paymentId;
    }

    public Long transactionId() {
        return transactionId;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureReason() {
        return failureReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant failedAt() {
        return failedAt;
    }

    public Instant confirmRequestedAt() {
        return confirmRequestedAt;
    }

    /** The refund of a payment that was not credited; null when there was none. */
    public ChargeRefund refund() {
        return refund;
    }
}
