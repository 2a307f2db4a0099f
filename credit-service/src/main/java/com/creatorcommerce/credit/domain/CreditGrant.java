package com.creatorcommerce.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Bonus credits an admin granted (table {@code credit_grants}): the audit of a bonus history row. Immutable. */
@Entity
@Table(name = "credit_grants")
public class CreditGrant {

    public static final int MAX_REASON = 300;

    @Id
    private long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "amount", nullable = false, updatable = false)
    private long amount;

    @Column(name = "reason", nullable = false, updatable = false, length = MAX_REASON)
    private String reason;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private long grantedBy;

    @Column(name = "transaction_id", nullable = false, updatable = false)
    private long transactionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CreditGrant() {}

    public CreditGrant(
            long id, long userId, long amount, String reason, long grantedBy, long transactionId, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.amount = amount;
        this.reason = reason;
        this.grantedBy = grantedBy;
        this.transactionId = transactionId;
        this.createdAt = createdAt;
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

    public String reason() {
        return reason;
    }

    public long grantedBy() {
        return grantedBy;
    }

    public long transactionId() {
        return transactionId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
