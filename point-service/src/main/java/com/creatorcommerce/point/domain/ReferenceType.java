package com.creatorcommerce.point.domain;

/** What {@code point_transactions.reference_id} points at. */
public enum ReferenceType {
    CHARGE_REQUEST,
    ORDER;

    /** The ledger's idempotency key of the {@code type} change for this reference: at most one ever exists. */
    public String idempotencyKey(long referenceId, TransactionType type) {
        return name() + ":" + referenceId + ":" + type.name();
    }
}
