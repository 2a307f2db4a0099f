package com.creatorcommerce.credit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Why and when a {@link CreditPurchase} failed (nothing was credited): the payment's failure code (at most 64
 * characters) and reason (at most 500). Null while the purchase has not failed.
 */
@Embeddable
public record PurchaseFailure(
        @Column(name = "failure_code", length = 64) String code,
        @Column(name = "failure_reason", length = 500) String reason,
        @Column(name = "failed_at") Instant at) {

    static final int CODE = 64;
    static final int REASON = 500;

    static PurchaseFailure of(String code, String reason, Instant at) {
        return new PurchaseFailure(truncate(code, CODE), truncate(reason, REASON), at);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
