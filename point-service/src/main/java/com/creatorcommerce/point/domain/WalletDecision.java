package com.creatorcommerce.point.domain;

/** What {@link Wallet#decide} made of a {@link WalletChange}. */
public sealed interface WalletDecision {

    /** Applied: a new ledger row, the balance moved by its amount. */
    record Applied(PointTransaction row) implements WalletDecision {}

    /** Its idempotency key is in the ledger already (applied before): nothing changes now. */
    record AlreadyApplied(RecordedChange row) implements WalletDecision {}

    /** A debit larger than the balance: refused, nothing changes. */
    record Insufficient(long balance) implements WalletDecision {}
}
