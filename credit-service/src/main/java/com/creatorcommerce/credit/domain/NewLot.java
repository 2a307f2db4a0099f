package com.creatorcommerce.credit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a credit (purchase or bonus) adds besides its history row: a lot ({@code credit_topups}) of its credits, spent
 * first in, first out.
 *
 * @param source {@code purchase} or {@code bonus}
 * @param sourceId the purchase or grant id
 * @param price what the lot cost (purchases; null for a bonus): a refund pays back its unspent part at this price
 * @param refundableUntil until when its unspent part can be refunded (null: never, e.g. a bonus)
 */
public record NewLot(String source, String sourceId, Price price, Instant refundableUntil) {

    public static final String PURCHASE = "purchase";
    public static final String BONUS = "bonus";

    public NewLot {
        if (!PURCHASE.equals(source) && !BONUS.equals(source)) {
            throw new IllegalArgumentException("A lot comes from a purchase or a bonus: " + source);
        }
        Objects.requireNonNull(sourceId, "sourceId");
        if (PURCHASE.equals(source) && price == null) {
            throw new IllegalArgumentException("A purchased lot has a price");
        }
    }

    public static NewLot purchase(long purchaseId, Price price, Instant refundableUntil) {
        return new NewLot(PURCHASE, Long.toString(purchaseId), price, refundableUntil);
    }

    public static NewLot bonus(long grantId) {
        return bonus(Long.toString(grantId));
    }

    public static NewLot bonus(String sourceId) {
        return new NewLot(BONUS, sourceId, null, null);
    }
}
