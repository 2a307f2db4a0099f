package com.creatorcommerce.point.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One ledger row ({@code point_transactions}): written once, never updated or deleted. */
@Entity
@Immutable
@Table(name = "point_transactions")
public class PointTransaction {

    @Id
    @Column(name = "transaction_id")
    private long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "transaction_type", nullable = false)
    private TransactionType type;

    @Column(name = "amount", nullable = false)
    private long amount;

    @Column(name = "balance_before", nullable = false)
    private long balanceBefore;

    @Column(name = "balance_after", nullable = false)
    private long balanceAfter;

    @Enumerated(EnumType.STRING)
    @Column(name = "reference_type", nullable = false)
    private ReferenceType referenceType;

    @Column(name = "reference_id", nullable = false)
    private long referenceId;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PointTransaction() {}

    public PointTransaction(
            long id,
            long userId,
            TransactionType type,
            long amount,
            long balanceBefore,
            long balanceAfter,
            ReferenceType referenceType,
            long referenceId,
            String idempotencyKey,
            Instant createdAt) {
        if (balanceBefore + amount != balanceAfter || balanceAfter < 0 || Long.signum(amount) != type.signed(1)) {
            throw new IllegalArgumentException("Inconsistent ledger row: " + balanceBefore + " + " + amount + " = "
                    + balanceAfter + " (" + type + ")");
        }
        this.id = id;
        this.userId = userId;
        this.type = type;
        this.amount = amount;
        this.balanceBefore = balanceBefore;
        this.balanceAfter = balanceAfter;
        this.referenceType = referenceType;
        this.referenceId = referenceId;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public TransactionType type() {
        return type;
    }

    public long amount() {
        return amount;
    }

    public long balanceBefore() {
        return balanceBefore;
    }

    public long balanceAfter() {
        return balanceAfter;
    }

    public ReferenceType referenceType() {
        return referenceType;
    }

    public long referenceId() {
        return referenceId;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
