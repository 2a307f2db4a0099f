package com.creatorcommerce.credit.application.ledger;

import com.creatorcommerce.credit.domain.CreditHistoryEntry;

/** What became of a {@link LedgerEntry}. */
public sealed interface LedgerOutcome {

    /** Applied now: a new history row. */
    record Applied(CreditHistoryEntry entry) implements LedgerOutcome {}

    /**
     * The entry's idempotency key already has a history row (applied earlier); nothing changed now. Its data is that
     * row's, which may differ from the entry when a caller reused a key with other data.
     */
    record AlreadyApplied(CreditHistoryEntry entry) implements LedgerOutcome {}

    /** A debit larger than the balance: refused, nothing changed. */
    record Insufficient(long balance, long required) implements LedgerOutcome {}

    /** The participant declined it (see {@link LedgerParticipant#admit()}); nothing changed. */
    record NotAdmitted() implements LedgerOutcome {}
}
