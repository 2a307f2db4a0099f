package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.domain.CouponTerms;
import com.creatorcommerce.coupon.domain.DiscountType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Body of create ({@code POST}) and update ({@code PUT}) of a coupon. Rules across fields (PERCENTAGE at most 100,
 * {@code valid_until} after {@code valid_from}, {@code max_discount_amount} for PERCENTAGE only) are the domain's.
 *
 * @param totalQuantity absent = unlimited
 * @param minOrderAmount absent = 0
 * @param isActive update only; absent keeps the flag (create always starts active)
 */
record CouponRequest(
        @NotBlank @Size(max = 100) String couponName,
        @NotNull DiscountType discountType,
        @NotNull @Positive @Max(CouponTerms.MAX_AMOUNT) Long discountValue,
        @Positive @Max(CouponTerms.MAX_AMOUNT) Long maxDiscountAmount,
        @PositiveOrZero @Max(CouponTerms.MAX_AMOUNT) Long minOrderAmount,
        @Min(1) @Max(CouponTerms.MAX_QUANTITY) Integer totalQuantity,
        @NotNull Instant validFrom,
        @NotNull Instant validUntil,
        @Min(1) @Max(CouponTerms.MAX_VALID_DAYS) Integer validDaysAfterIssue,
        Boolean isActive) {

    CouponTerms terms() {
        return new CouponTerms(
                couponName,
                discountType,
                discountValue,
                maxDiscountAmount,
                minOrderAmount == null ? 0 : minOrderAmount,
                totalQuantity,
                validFrom,
                validUntil,
                validDaysAfterIssue);
    }
}
