package com.creatorcommerce.contracts.coupon;

import com.fasterxml.jackson.annotation.JsonFormat;

/** The order completed: its reserved coupon becomes used ({@code coupon_usage_history} USED). Answers
 * {@link CouponUseConfirmed} or {@link CouponConfirmationRejected}. */
public record ConfirmCouponCommand(
        @JsonFormat(shape = JsonFormat.Shape.STRING) long orderId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userId,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long userCouponId) {}
