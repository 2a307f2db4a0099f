package com.creatorcommerce.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A purchase of a credit package (table {@code credit_purchases}; its credits become a lot in {@code credit_topups}):
 * PENDING while payment-service confirms the payment key with the PG, then COMPLETED (its credits added exactly once,
 * {@link PurchaseCompletion}) or FAILED (nothing added, {@link PurchaseFailure}). The package's terms are copied at
 * purchase time ({@link PurchasedPackage}). An approval that cannot be credited (the purchase had failed, or the
 * approval does not match it) is given back: {@link PurchaseRefund}.
 */
@Entity
@Table(name = "credit_purchases")
public class CreditPurchase {

    @Id
    private long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Embedded
    private PurchasedPackage bought;

    @Column(name = "payment_method", nullable = false, updatable = false, length = 30)
    private String paymentMethod;

    @Column(name = "payment_key", nullable = false, updatable = false, length = 200)
    private String paymentKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private PurchaseStatus status;

    @Embedded
    private PurchaseCompletion completion;

    @Embedded
    private PurchaseFailure failure;

    @Embedded
    private PurchaseRefund refund;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

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
        p.bought = PurchasedPackage.of(pkg);
        p.paymentMethod = paymentMethod;
        p.paymentKey = paymentKey;
        p.status = PurchaseStatus.PENDING;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    /** The same request again (a retried call): same user, same package. */
    public boolean isRepeatOf(long otherUserId, String otherPackageId) {
        return userId == otherUserId && bought.packageId().equals(otherPackageId);
    }

    /** Whether an approved payment is exactly this purchase's: its user, its amount and its payment key. */
    public boolean matchesApproval(long approvedUserId, long approvedAmountMinor, String approvedPaymentKey) {
        return userId == approvedUserId
                && bought.amountMinor() == approvedAmountMinor
                && paymentKey.equals(approvedPaymentKey);
    }

    /** Paid and credited (history row {@code transactionId}); only from PENDING. */
    public void complete(long paymentId, long transactionId, long balanceAfter, Instant now) {
        if (status != PurchaseStatus.PENDING) {
            throw new IllegalStateException("Purchase " + id + " is " + status + ", not PENDING");
        }
        status = PurchaseStatus.COMPLETED;
        completion = new PurchaseCompletion(paymentId, transactionId, balanceAfter, now);
        updatedAt = now;
    }

    /** Not paid; nothing credited. True when this changed it (a PENDING purchase); false if already settled. */
    public boolean fail(String code, String reason, Instant now) {
        if (status != PurchaseStatus.PENDING) {
            return false;
        }
        status = PurchaseStatus.FAILED;
        failure = PurchaseFailure.of(code, reason, now);
        updatedAt = now;
        return true;
    }

    /** A payment approved for it that will not be credited is being given back. */
    public void refundRequested(Instant now) {
        if (refund == null) {
            refund = PurchaseRefund.requested();
            updatedAt = now;
        }
    }

    /** The payment was given back. True when this changed it. */
    public boolean refunded(Instant now) {
        if (refund != null && refund.isRefunded()) {
            return false;
        }
        refund = PurchaseRefund.refunded();
        updatedAt = now;
        return true;
    }

    /** The PG refused to give the payment back: the customer paid and got nothing (ops must act). */
    public void refundFailed(String code, String reason, Instant now) {
        if (refund == null || !refund.isRefunded()) {
            refund = PurchaseRefund.failed(code, reason);
            updatedAt = now;
        }
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String packageId() {
        return bought.packageId();
    }

    public String packageName() {
        return bought.packageName();
    }

    public long credits() {
        return bought.credits();
    }

    public Price price() {
        return bought.price();
    }

    public long amountMinor() {
        return bought.amountMinor();
    }

    /** The ISO 4217 code of the price, in whose minor unit {@link #amountMinor()} is (what the payment is asked in). */
    public String currency() {
        return bought.currency();
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

    /** How it was paid and credited; null unless COMPLETED. */
    public PurchaseCompletion completion() {
        return completion;
    }

    /** Why it failed; null unless FAILED. */
    public PurchaseFailure failure() {
        return failure;
    }

    /** The giving back of an approval that was not credited; null when there is none. */
    public PurchaseRefund refund() {
        return refund;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
