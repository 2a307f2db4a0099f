package com.creatorcommerce.point.domain;

import java.util.Optional;

/**
 * What a REFUND of an order's points does (order compensation), given the order's USE row: it gives back exactly
 * what that USE took, to the same wallet, once; it gives nothing back to another user; and when the order used
 * nothing (the REFUND overtook its USE, or there was none), it closes the order ({@link PointOrderClosure}) so that a
 * USE arriving later is refused instead of debiting a cancelled order.
 */
public sealed interface RefundPlan {

    /** Credit {@code amount} points (what the USE took) back to the wallet. */
    record GiveBack(long amount) implements RefundPlan {}

    /** The order's USE debited another wallet: this user gets nothing back. */
    record NotTheirs() implements RefundPlan {}

    /** The order used no points (yet): nothing to give back, and the order is closed for USE. */
    record NothingUsed() implements RefundPlan {}

    /** The plan for a REFUND asked by {@code userId}, given the order's USE row (if any). */
    static RefundPlan of(long userId, Optional<PointTransaction> use) {
        if (use.isEmpty()) {
            return new NothingUsed();
        }
        PointTransaction used = use.get();
        if (used.type() != TransactionType.USE) {
            throw new IllegalArgumentException("Not a USE row: " + used.type());
        }
        return used.userId() == userId ? new GiveBack(-used.amount()) : new NotTheirs();
    }
}
