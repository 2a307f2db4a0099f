package com.creatorcommerce.coupon.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A coupon definition (table {@code coupons}). {@code issued_quantity} is never written through this entity: only
 * the conditional update of issuing changes it, so an admin edit cannot overwrite a concurrent issue.
 */
@Entity
@Table(name = "coupons")
public class Coupon {

    @Id
    @Column(name = "coupon_id")
    private long id;

    @Column(name = "coupon_name", nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type", nullable = false, length = 16)
    private DiscountType discountType;

    @Column(name = "discount_value", nullable = false)
    private long discountValue;

    @Column(name = "max_discount_amount")
    private Long maxDiscountAmount;

    @Column(name = "min_order_amount", nullable = false)
    private long minOrderAmount;

    @Column(name = "total_quantity")
    private Integer totalQuantity;

    @Column(name = "issued_quantity", nullable = false, updatable = false)
    private int issuedQuantity;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;

    @Column(name = "valid_days_after_issue")
    private Integer validDaysAfterIssue;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Coupon() {}

    public static Coupon create(long id, CouponTerms terms, Instant now) {
        terms.validate(now);
        Coupon coupon = new Coupon();
        coupon.id = id;
        coupon.apply(terms);
        coupon.issuedQuantity = 0;
        coupon.active = true;
        coupon.createdAt = now;
        coupon.updatedAt = now;
        return coupon;
    }

    /**
     * Replaces the terms. The caller holds the row lock, so {@link #issuedQuantity} is current and no issue can
     * slip in before commit.
     *
     * @param active {@code null} keeps the active flag
     */
    public void revise(CouponTerms terms, Boolean active, Instant now) {
        terms.validate(now);
        if (terms.totalQuantity() != null && terms.totalQuantity() < issuedQuantity) {
            throw new CouponRefusedException(
                    CouponRefusal.COUPON_QUANTITY_BELOW_ISSUED,
                    "total_quantity cannot be lower than the " + issuedQuantity + " coupons already issued.");
        }
        apply(terms);
        if (active != null) {
            this.active = active;
        }
        this.updatedAt = now;
    }

    /** Stops issuing; coupons already issued stay usable until they expire. Idempotent. */
    public void deactivate(Instant now) {
        if (active) {
            active = false;
            updatedAt = now;
        }
    }

    private void apply(CouponTerms terms) {
        this.name = terms.name().strip();
        this.discountType = terms.discountType();
        this.discountValue = terms.discountValue();
        this.maxDiscountAmount = terms.maxDiscountAmount();
        this.minOrderAmount = terms.minOrderAmount();
        this.totalQuantity = terms.totalQuantity();
        this.validFrom = terms.validFrom();
        this.validUntil = terms.validUntil();
        this.validDaysAfterIssue = terms.validDaysAfterIssue();
    }

    public CouponSnapshot snapshot() {
        return new CouponSnapshot(
                id,
                name,
                discountType,
                discountValue,
                maxDiscountAmount,
                minOrderAmount,
                totalQuantity,
                issuedQuantity,
                validFrom,
                validUntil,
                validDaysAfterIssue,
                active);
    }

    public long id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long minOrderAmount() {
        return minOrderAmount;
    }
}
