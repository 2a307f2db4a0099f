package com.creatorcommerce.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A purchase of a credit package (table {@code credit_purchases}; its credits become a lot in {@code credit_topups}):
 * PENDING while payment-service confirms the payment key with the PG, then COMPLETED (its credits added exactly once)
 * or FAILED (nothing added). The package's terms are copied at purchase time. An approval that cannot be credited (the purchase had failed, or the approval does not
 * match it) is given back: {@link #refundStatus()}.
 */
@Entity
@Table(name = "credit_purchases")
public class CreditPurchase {

    @Id
    private long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "package_id", nullable = false, updatable = false, length = 50)
    private String packageId;

    @Column(name = "package_name", nullable = false, updatable = false, length = 100)
    private String packageName;

    @Column(name = "credits", nullable = false, updatable = false)
    private long credits;

    @Column(name = "amount", nullable = false, updatable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "payment_method", nullable = false, updatable = false, length = 30)
    private String paymentMethod;

    @Column(name = "payment_key", nullable = false, updatable = false, length = 200)
    private String paymentKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private PurchaseStatus status;

    @Column(name = "payment_id")
    private Long paymentId;

    @Column(name = "transaction_id")
    private Long transactionId;

    @Column(name = "balance_after")
    private Long balanceAfter;

    @Column(name = "failure_code", length = 64)
    private String failureCode;

    @Column(name = "failure_reason", length = 500)
    private String failureReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "refund_status", length = 16)
    private RefundStatus refundStatus;

    @Column(name = "refund_failure_code", length = 64)
    private String refundFailureCode;

    @Column(name = "refund_failure_reason", length = 500)
    private String refundFailureReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "failed_at")
    private Instant failedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CreditPurchase() {}

    /** A PENDING purchase of an active {@code pkg} paid with {@code paymentKey}. */
    public static CreditPurchase start(
            long id, long userId, CreditPackage pkg, String paymentMethod, String paymentKey, Instant now) {
        if (!pkg.isActive()) {
            throw new CreditRefusedException(
                    CreditRefusal.CREDIT_PACKAGE_INACTIVE,
                    "The credit package " + pkg.id() + " cannot be bought any more.");
        }
        CreditPurchase p = new CreditPurchase();
        p.id = id;
        p.userId = userId;
        p.packageId = pkg.id();
        p.packageName = pkg.name();
        p.credits = pkg.credits();
        Price price = pkg.price();
        p.amount = price.amount();
        p.currency = price.currencyCode();
        p.amountMinor = price.minorUnits();
        p.paymentMethod = paymentMethod;
        p.paymentKey = paymentKey;
        p.status = PurchaseStatus.PENDING;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /** The same request again (a retried call): same user, same package. */
    public boolean isRepeatOf(long otherUserId, String otherPackageId) {
        return userId == otherUserId && packageId.equals(otherPackageId);
    }

    /** Whether an approved payment is exactly this purchase's: its user, its amount and its payment key. */
    public boolean matchesApproval(long approvedUserId, long approvedAmountMinor, String approvedPaymentKey) {
        return userId == approvedUserId && amountMinor == approvedAmountMinor && paymentKey.equals(approvedPaymentKey);
    }

    /** Paid and credited (history row {@code transactionId}); only from PENDING. */
    public void complete(long paymentId, long transactionId, long balanceAfter, Instant now) {
        if (status != PurchaseStatus.PENDING) {
            throw new IllegalStateException("Purchase " + id + " is " + status + ", not PENDING");
        }
        this.status = PurchaseStatus.COMPLETED;
        this.paymentId = paymentId;
        this.transactionId = transactionId;
        this.balanceAfter = balanceAfter;
        this.completedAt = now;
        this.updatedAt = now;
    }

    /** Not paid; nothing credited. True when this changed it (a PENDING purchase); false if already settled. */
    public boolean fail(String code, String reason, Instant now) {
        if (status != PurchaseStatus.PENDING) {
            return false;
        }
        this.status = PurchaseStatus.FAILED;
        this.failureCode = truncate(code, 64);
        this.failureReason = truncate(reason, 500);
        this.failedAt = now;
        this.updatedAt = now;
        return true;
    }

    /** A payment approved for it that will not be credited is being given back. */
    public void refundRequested(Instant now) {
        if (refundStatus == null) {
            refundStatus = RefundStatus.REQUESTED;
            updatedAt = now;
        }
    }

    /** The payment was given back. True when this changed it. */
    public boolean refunded(Instant now) {
        if (refundStatus == RefundStatus.REFUNDED) {
            return false;
        }
        refundStatus = RefundStatus.REFUNDED;
        refundFailureCode = null;
        refundFailureReason = null;
        updatedAt = now;
        return true;
    }

    /** The PG refused to give the payment back: the customer paid and got nothing (ops must act). */
    public void refundFailed(String code, String reason, Instant now) {
        if (refundStatus != RefundStatus.REFUNDED) {
            refundStatus = RefundStatus.REFUND_FAILED;
            refundFailureCode = truncate(code, 64);
            refundFailureReason = truncate(reason, 500);
            updatedAt = now;
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String packageId() {
        return packageId;
    }

    public String packageName() {
        return packageName;
    }

    public long credits() {
        return credits;
    }

    public Price price() {
        return Price.of(amount, currency);
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public String paymentKey() {
        return paymentKey;
    }

    public PurchaseStatus status() {
        return status;
    }

    public Long paymentId() {
        return paymentId;
    }

    public Long transactionId() {
        return transactionId;
    }

    public Long balanceAfter() {
        return balanceAfter;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureReason() {
        return failureReason;
    }

    public RefundStatus refundStatus() {
        return refundStatus;
    }

    public String refundFailureCode() {
        return refundFailureCode;
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
}
