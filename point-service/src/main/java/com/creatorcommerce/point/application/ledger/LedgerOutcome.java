package com.creatorcommerce.point.application.ledger;

import com.creatorcommerce.point.domain.RecordedChange;
import com.creatorcommerce.point.domain.TransactionType;
import java.time.Instant;

/** What became of a {@link LedgerEntry}. */
public sealed interface LedgerOutcome {

    /** Applied now: a new ledger row. */
    record Applied(long transactionId, long amount, long balanceBefore, long balanceAfter, Instant createdAt)
            implements LedgerOutcome {}

    /**
     * The entry's idempotency key already has a ledger row (applied earlier); nothing changed now. Its data is that
     * row's, which may differ from the entry when a command reused a reference with other data.
     */
    record AlreadyApplied(long transactionId, long userId, long amount, long balanceAfter) implements LedgerOutcome {

        /** Whether the recorded row is the change asked now (the same step again), not a conflicting command. */
        public boolean isSameChange(long askedUserId, TransactionType type, long askedAmount) {
            return new RecordedChange(transactionId, userId, amount, balanceAfter)
                    .isSameChange(askedUserId, type, askedAmount);
        }
    }

    /** A debit larger than the balance: refused, nothing changed. */
    record Insufficient(long balance) implements LedgerOutcome {}

    /** The participant declined it (see {@link LedgerParticipant#admit()}); nothing changed. */
    record NotAdmitted() implements LedgerOutcome {}
}
