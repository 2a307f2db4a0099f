package com.creatorcommerce.coupon.application;

import com.creatorcommerce.coupon.domain.CouponRefusal;
import com.creatorcommerce.coupon.domain.CouponRefusedException;

/** What became of one issue request inside a batch (see {@link IssueTransactions#issueMany}). */
public sealed interface IssueOutcome {

    /** The user got the coupon. */
    record Issued(IssuedCoupon coupon) implements IssueOutcome {}

    /** A coupon rule refused it; nothing changed. {@code detail} is safe to show to the client. */
    record Refused(CouponRefusal refusal, String detail) implements IssueOutcome {

        static Refused of(CouponRefusedException e) {
            return new Refused(e.refusal(), e.getMessage());
        }
    }

    /** The coupon stayed too contended to decide (deadlock victims, quantity changed meanwhile): retry later. */
    record Busy() implements IssueOutcome {}
}
